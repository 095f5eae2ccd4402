package org.provegateway.proveapi;

/** A Prove Identity / Pre-Fill flow to start at Prove ({@code /v3/start}); values already checked. */
public record IdentityCheck(
        String flowType,
        String phoneNumber,
        String finalTargetUrl,
        Boolean allowOtpRetry,
        String smsMessage,
        String ipAddress) {

    @Override
    public String toString() {
        return "IdentityCheck[flowType=" + flowType + "]";
    }
}
