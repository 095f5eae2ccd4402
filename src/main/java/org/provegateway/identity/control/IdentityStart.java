package org.provegateway.identity.control;

import org.provegateway.audit.control.CallerNumber;

/**
 * What a caller asks for when starting a Prove Identity flow (shape already checked by Bean Validation at the
 * boundary; the phone number, URL and IP address are parsed here).
 */
public record IdentityStart(
        String phoneNumber,
        String flowType,
        String finalTargetUrl,
        Boolean allowOtpRetry,
        String smsMessage,
        String ipAddress) implements CallerNumber {

    @Override
    public String toString() {
        return "IdentityStart[flowType=" + flowType + ", allowOtpRetry=" + allowOtpRetry + "]";
    }
}
