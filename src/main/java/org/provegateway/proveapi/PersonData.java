package org.provegateway.proveapi;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An individual: sent to Prove's {@code /v3/complete}, or pre-filled by Prove's {@code /v3/challenge}. Personal data
 * that lives in memory for one request; {@link #toString()} shows no value.
 */
@Schema(name = "PrefilledIndividual", description = "The individual Prove pre-filled (dates of birth as Prove sent "
        + "them)")
public record PersonData(
        @Schema(examples = "Milo") String firstName,
        @Schema(examples = "Pinson") String lastName,
        @Schema(examples = "1981-01-17") String dob,
        @Schema(examples = "847350596") String ssn,
        List<PostalAddress> addresses,
        @Schema(examples = "[\"mpinsonm@dyndns.org\"]") List<String> emailAddresses) {

    @Override
    public String toString() {
        return "PersonData[redacted]";
    }

    @Schema(name = "PrefilledAddress")
    public record PostalAddress(
            @Schema(examples = "6377 Birchwood Hill") String address,
            String extendedAddress,
            @Schema(examples = "Littleton") String city,
            @Schema(examples = "CO") String region,
            @Schema(examples = "80161-2001") String postalCode) {

        @Override
        public String toString() {
            return "PostalAddress[redacted]";
        }
    }
}
