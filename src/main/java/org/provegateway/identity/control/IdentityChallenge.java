package org.provegateway.identity.control;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.provegateway.session.entity.Reason;

/**
 * The answer to the Pre-Fill challenge: the flow's state and the individual Prove pre-filled. The individual is
 * personal data passed through to the caller from memory: never stored, never logged ({@link #toString()} and
 * {@link PrefilledIndividual#toString()} show no value).
 *
 * @param status   {@code VALIDATED} (complete is next) or {@code CHALLENGE_FAILED} (the flow is over)
 * @param nextStep {@code complete} or {@code none}
 */
@Schema(name = "IdentityChallenge")
public record IdentityChallenge(
        String flowId,
        @Schema(enumeration = {"VALIDATED", "CHALLENGE_FAILED"}) String status,
        @Schema(description = "Prove's challenge result") boolean passed,
        @Schema(enumeration = {"complete", "none"}) String nextStep,
        @Schema(description = "The individual Prove pre-filled (absent if Prove found none); show it to the customer "
                + "to confirm or correct, then send it to complete") PrefilledIndividual individual,
        List<Reason> reasons) {

    @Override
    public String toString() {
        return "IdentityChallenge[flowId=" + flowId + ", status=" + status + ", individual=redacted]";
    }

    /** Prove's pre-filled individual, as Prove sent it (dates of birth may carry a time part). */
    @Schema(name = "PrefilledIndividual")
    public record PrefilledIndividual(
            @Schema(examples = "Milo") String firstName,
            @Schema(examples = "Pinson") String lastName,
            @Schema(examples = "1981-01-17") String dob,
            @Schema(examples = "847350596") String ssn,
            List<PrefilledAddress> addresses,
            @Schema(examples = "[\"mpinsonm@dyndns.org\"]") List<String> emailAddresses) {

        @Override
        public String toString() {
            return "PrefilledIndividual[redacted]";
        }
    }

    @Schema(name = "PrefilledAddress")
    public record PrefilledAddress(
            @Schema(examples = "6377 Birchwood Hill") String address,
            String extendedAddress,
            @Schema(examples = "Littleton") String city,
            @Schema(examples = "CO") String region,
            @Schema(examples = "80161-2001") String postalCode) {

        @Override
        public String toString() {
            return "PrefilledAddress[redacted]";
        }
    }
}
