package org.provegateway.proveapi;

/**
 * A possession check to start at Prove ({@code /v3/unify}), in the gateway's terms; values already checked.
 *
 * @param customerReference the bank's own customer reference (Prove's {@code clientHumanId})
 */
public record PossessionCheck(
        String possessionType,
        String clientRequestId,
        String phoneNumber,
        String finalTargetUrl,
        Boolean allowOtpRetry,
        Boolean checkReputation,
        String smsMessage,
        Boolean rebind,
        String customerReference,
        String deviceId) {

    @Override
    public String toString() {
        return "PossessionCheck[possessionType=" + possessionType + ", rebind=" + rebind + "]";
    }
}
