package org.provegateway.identity.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.provegateway.identity.control.Challenge;

import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/v1/identity-flows/{flowId}/challenge}. Every message below names the rule, never the
 * value: the values are personal data.
 */
@Schema(name = "ChallengeIdentityRequest", description = "Pre-Fill's challenge: the customer's date of birth and/or "
        + "SSN (at least one)")
public record ChallengeIdentityRequest(
        @Schema(description = "Date of birth: YYYY-MM-DD, YYYY-MM or MM-DD", examples = "1981-01-17")
        @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{2}|[0-9]{2}-[0-9]{2}",
                message = "must be YYYY-MM-DD, YYYY-MM or MM-DD") String dob,

        @Schema(description = "Social Security number: 9 digits, or the last 4", examples = "0596")
        @Pattern(regexp = "[0-9]{9}|[0-9]{4}", message = "must be the 9 digits of the SSN or its last 4 digits")
        String ssn) {

    Challenge toChallenge() {
        return new Challenge(dob, ssn);
    }

    @Override
    public String toString() {
        return "ChallengeIdentityRequest[redacted]";
    }
}
