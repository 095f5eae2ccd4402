package org.provegateway.possession.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.provegateway.possession.control.PossessionStart;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/possession-flows}. */
@Schema(name = "StartPossessionRequest", description = "Starts a Unified Authentication (possession) flow")
public record StartPossessionRequest(
        @Schema(description = "The customer's phone number: US/Canada with or without +1, others with + and "
                + "country code", examples = "+12001004014", required = true)
        @NotBlank @Size(max = 32) String phoneNumber,

        @Schema(description = "mobile (Prove Key, Mobile Auth, SMS OTP), desktop (Instant Link) or none "
                + "(customer-supplied possession, then bind)", enumeration = {"mobile", "desktop", "none"},
                required = true)
        @NotNull @Pattern(regexp = "mobile|desktop|none", message = "must be mobile, desktop or none")
        String possessionType,

        @Schema(description = "Where Instant Link sends the customer; required for desktop (max 128 characters)",
                examples = "https://www.example.com/landing-page")
        @Size(max = 128) String finalTargetUrl,

        @Schema(description = "Let the customer re-enter a wrong OTP up to three times")
        Boolean allowOtpRetry,

        @Schema(description = "Run Prove's reputation (TrustScore) check")
        Boolean checkReputation,

        @Schema(description = "Custom SMS text: at most 160 characters, with exactly one placeholder Prove replaces: "
                + "####, ##### or ###### for a 4- to 6-digit code, #### for the Instant Link (desktop)", maxLength = 160,
                examples = "#### is your verification code.")
        String smsMessage,

        @Schema(description = "Force a full possession check and move the device's Prove Key to this number")
        Boolean rebind,

        @Schema(description = "Your id for this request (no personal data); generated when absent",
                examples = "71010d88-d0e7-4a24-9297-d1be6fefde81")
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain only letters, digits and . _ : -")
        String clientRequestId,

        @Schema(description = "The bank's customer reference (sent to Prove as clientHumanId; no personal data)",
                examples = "CUST-000123")
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain only letters, digits and . _ : -")
        String customerReference,

        @Schema(description = "The Prove Key device id from an earlier flow; when absent the gateway recovers it "
                + "from its registry")
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain only letters, digits and . _ : -")
        String deviceId) {

    PossessionStart toCommand() {
        return new PossessionStart(phoneNumber, possessionType, finalTargetUrl, allowOtpRetry, checkReputation,
                smsMessage, rebind, clientRequestId, customerReference, deviceId);
    }
}
