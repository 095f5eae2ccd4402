package org.provegateway.identity.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.provegateway.identity.control.IdentityStart;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/identity-flows}. It has no date of birth, SSN or e-mail address although Prove's
 * {@code /v3/start} accepts them: Prove advises against sending them at start, Prove Identity needs them only at
 * complete, and leaving them out keeps personal data out of start altogether.
 */
@Schema(name = "StartIdentityRequest", description = "Starts a Prove Identity flow (US and Canadian numbers)")
public record StartIdentityRequest(
        @Schema(description = "The customer's phone number, US/Canada, with or without +1", examples = "2001004009",
                required = true)
        @NotBlank @Size(max = 32) String phoneNumber,

        @Schema(description = "mobile (SMS OTP in the customer's browser) or desktop (Instant Link)",
                enumeration = {"mobile", "desktop"}, required = true)
        @NotNull @Pattern(regexp = "mobile|desktop", message = "must be mobile or desktop") String flowType,

        @Schema(description = "Where Instant Link sends the customer; required for desktop (max 128 characters)",
                examples = "https://www.example.com/landing-page")
        @Size(max = 128) String finalTargetUrl,

        @Schema(description = "Let the customer re-enter a wrong OTP up to three times")
        Boolean allowOtpRetry,

        @Schema(description = "Custom SMS text: at most 160 characters, with exactly one placeholder Prove replaces: "
                + "####, ##### or ###### for a 4- to 6-digit code, #### for the Instant Link (desktop)", maxLength = 160,
                examples = "#### is your verification code.")
        String smsMessage,

        @Schema(description = "The customer's device IP address, for Prove's risk checks", examples = "10.0.0.1")
        @Size(max = 45) @Pattern(regexp = "[0-9A-Fa-f.:]+", message = "must be an IPv4 or IPv6 address")
        String ipAddress) {

    IdentityStart toCommand() {
        return new IdentityStart(phoneNumber, flowType, finalTargetUrl, allowOtpRetry, smsMessage, ipAddress);
    }

    @Override
    public String toString() {
        return "StartIdentityRequest[flowType=" + flowType + "]";
    }
}
