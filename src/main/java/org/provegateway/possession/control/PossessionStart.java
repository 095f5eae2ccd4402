package org.provegateway.possession.control;

import org.provegateway.audit.control.CallerNumber;

/**
 * What a caller asks for when starting a Unified Authentication flow (already checked for shape by Bean
 * Validation at the boundary; the phone number and URL are parsed here).
 */
public record PossessionStart(
        String phoneNumber,
        String possessionType,
        String finalTargetUrl,
        Boolean allowOtpRetry,
        Boolean checkReputation,
        String smsMessage,
        Boolean rebind,
        String clientRequestId,
        String customerReference,
        String deviceId) implements CallerNumber {

    @Override
    public String toString() {
        return "PossessionStart[possessionType=" + possessionType + ", rebind=" + rebind + "]";
    }
}
