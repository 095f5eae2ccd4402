package org.provegateway.proveapi.wire;

import java.util.List;

/**
 * The person sent to {@code /v3/complete}. Prove processes only the first address and the first e-mail
 * address. {@code dob} is {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code MM-DD}.
 */
public record Individual(
        String firstName,
        String lastName,
        String dob,
        String ssn,
        List<Address> addresses,
        List<String> emailAddresses) {

    /** Shows which fields are present, never their values. */
    @Override
    public String toString() {
        return "Individual[firstName=" + Redacted.mask(firstName) + ", lastName=" + Redacted.mask(lastName)
                + ", dob=" + Redacted.mask(dob) + ", ssn=" + Redacted.mask(ssn)
                + ", addresses=" + (addresses == null ? "null" : addresses.size() + " redacted")
                + ", emailAddresses=" + (emailAddresses == null ? "null" : emailAddresses.size() + " redacted") + "]";
    }
}
