package org.provegateway.sandbox.users;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The identity data of an Identity or Pre-Fill test user (first address only). SSN and e-mail are optional because
 * the sources truncate Van Moors' record; an absent value can be neither matched nor mismatched.
 */
public record IdentityRecord(String address, String city, String region, String postalCode, LocalDate dob,
        Optional<String> ssn, Optional<String> emailAddress) {
}
