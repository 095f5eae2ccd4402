package org.provegateway.sandbox.users;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The identity data of an Identity or Pre-Fill test user. SSN and e-mail are optional because the sources truncate
 * Van Moors' record; an absent value can be neither matched nor mismatched. {@code /v3/complete} compares against the
 * first address only (Prove processes only the first address sent); {@code /v3/challenge} answers all of them.
 */
public record IdentityRecord(List<PostalAddress> addresses, LocalDate dob, Optional<String> ssn,
        Optional<String> emailAddress) {

    /** One postal address as the test-user tables write it. */
    public record PostalAddress(String street, String city, String region, String postalCode) {
    }

    public IdentityRecord {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a test user has at least one address");
        }
    }

    public PostalAddress primary() {
        return addresses.get(0);
    }
}
