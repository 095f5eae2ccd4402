package org.provegateway.session.entity;

/**
 * One reason from Prove's evaluation (Global Fraud Policy), e.g. {@code authentication / 9100 / Phone possession
 * incomplete}. Prove's codes are kept for support; the flow's state says what they mean for the caller.
 */
public record Reason(String category, String result, String code, String description) {
}
