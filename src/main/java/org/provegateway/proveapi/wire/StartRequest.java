package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Body of {@code POST /v3/start} (Prove Identity / Pre-Fill, North America only). {@code flowType}
 * ({@code desktop} or {@code mobile}) is required; {@code finalTargetUrl} is required for {@code desktop}.
 * Build with {@link #builder(String)}.
 */
public record StartRequest(
        String flowType,
        String phoneNumber,
        String finalTargetUrl,
        String smsMessage,
        @JsonbProperty("allowOTPRetry") Boolean allowOtpRetry,
        String dob,
        String ssn,
        String emailAddress,
        String ipAddress) {

    public static Builder builder(String flowType) {
        return new Builder(flowType);
    }

    @Override
    public String toString() {
        return "StartRequest[flowType=" + flowType + ", phoneNumber=" + Redacted.mask(phoneNumber)
                + ", finalTargetUrl=" + finalTargetUrl + ", smsMessage=" + Redacted.mask(smsMessage)
                + ", allowOtpRetry=" + allowOtpRetry + ", dob=" + Redacted.mask(dob) + ", ssn=" + Redacted.mask(ssn)
                + ", emailAddress=" + Redacted.mask(emailAddress) + ", ipAddress=" + Redacted.mask(ipAddress) + "]";
    }

    /** Fluent construction; unset fields stay {@code null} and are not sent. */
    public static final class Builder {
        private final String flowType;
        private String phoneNumber;
        private String finalTargetUrl;
        private String smsMessage;
        private Boolean allowOtpRetry;
        private String dob;
        private String ssn;
        private String emailAddress;
        private String ipAddress;

        private Builder(String flowType) {
            this.flowType = flowType;
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

        public Builder dob(String value) {
            this.dob = value;
            return this;
        }

        public Builder ssn(String value) {
            this.ssn = value;
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

        public StartRequest build() {
            return new StartRequest(flowType, phoneNumber, finalTargetUrl, smsMessage, allowOtpRetry, dob, ssn,
                    emailAddress, ipAddress);
        }
    }
}
