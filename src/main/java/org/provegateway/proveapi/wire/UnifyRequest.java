package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Body of {@code POST /v3/unify} (initiate possession check). {@code possessionType} ({@code mobile},
 * {@code desktop}, {@code none}) and {@code clientRequestId} are required; {@code finalTargetUrl} is required for
 * {@code desktop}. Build with {@link #builder(String, String)}.
 */
public record UnifyRequest(
        String possessionType,
        String clientRequestId,
        String phoneNumber,
        String finalTargetUrl,
        String smsMessage,
        @JsonbProperty("allowOTPRetry") Boolean allowOtpRetry,
        Boolean checkReputation,
        String clientCustomerId,
        String clientHumanId,
        String deviceId,
        String emailAddress,
        String ipAddress,
        String proveId,
        Boolean rebind) {

    public static Builder builder(String possessionType, String clientRequestId) {
        return new Builder(possessionType, clientRequestId);
    }

    @Override
    public String toString() {
        return "UnifyRequest[possessionType=" + possessionType + ", clientRequestId=" + clientRequestId
                + ", phoneNumber=" + Redacted.mask(phoneNumber) + ", finalTargetUrl=" + finalTargetUrl
                + ", smsMessage=" + Redacted.mask(smsMessage) + ", allowOtpRetry=" + allowOtpRetry
                + ", checkReputation=" + checkReputation + ", clientCustomerId=" + clientCustomerId
                + ", clientHumanId=" + clientHumanId + ", deviceId=" + deviceId
                + ", emailAddress=" + Redacted.mask(emailAddress) + ", ipAddress=" + Redacted.mask(ipAddress)
                + ", proveId=" + proveId + ", rebind=" + rebind + "]";
    }

    /** Fluent construction of the 14-field request; unset fields stay {@code null} and are not sent. */
    public static final class Builder {
        private final String possessionType;
        private final String clientRequestId;
        private String phoneNumber;
        private String finalTargetUrl;
        private String smsMessage;
        private Boolean allowOtpRetry;
        private Boolean checkReputation;
        private String clientCustomerId;
        private String clientHumanId;
        private String deviceId;
        private String emailAddress;
        private String ipAddress;
        private String proveId;
        private Boolean rebind;

        private Builder(String possessionType, String clientRequestId) {
            this.possessionType = possessionType;
            this.clientRequestId = clientRequestId;
        }

        public Builder phoneNumber(String value) {
            this.phoneNumber = value;
            return this;
        }

        public Builder finalTargetUrl(String value) {
            this.finalTargetUrl = value;
            return this;
        }

        public Builder smsMessage(String value) {
            this.smsMessage = value;
            return this;
        }

        public Builder allowOtpRetry(Boolean value) {
            this.allowOtpRetry = value;
            return this;
        }

        public Builder checkReputation(Boolean value) {
            this.checkReputation = value;
            return this;
        }

        public Builder clientCustomerId(String value) {
            this.clientCustomerId = value;
            return this;
        }

        public Builder clientHumanId(String value) {
            this.clientHumanId = value;
            return this;
        }

        public Builder deviceId(String value) {
            this.deviceId = value;
            return this;
        }

        public Builder emailAddress(String value) {
            this.emailAddress = value;
            return this;
        }

        public Builder ipAddress(String value) {
            this.ipAddress = value;
            return this;
        }

        public Builder proveId(String value) {
            this.proveId = value;
            return this;
        }

        public Builder rebind(Boolean value) {
            this.rebind = value;
            return this;
        }

        public UnifyRequest build() {
            return new UnifyRequest(possessionType, clientRequestId, phoneNumber, finalTargetUrl, smsMessage,
                    allowOtpRetry, checkReputation, clientCustomerId, clientHumanId, deviceId, emailAddress,
                    ipAddress, proveId, rebind);
        }
    }
}
