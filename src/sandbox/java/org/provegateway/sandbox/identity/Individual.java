package org.provegateway.sandbox.identity;

import java.util.List;
import java.util.Optional;
import org.provegateway.sandbox.platform.FieldRule;
import org.provegateway.sandbox.platform.RequestFields;
import org.provegateway.sandbox.platform.SandboxError;

/**
 * The {@code individual} of {@code /v3/complete}, checked: first+last name or SSN present (else 400 / 1001 naming the
 * first missing name field), formats of every given field (8001). Only the first address and the first e-mail are
 * kept, as Prove processes only those; the format of every entry is still checked.
 */
record Individual(Optional<String> firstName, Optional<String> lastName, Optional<PartialDate> dob, Optional<String> ssn,
        Optional<Address> address, Optional<String> emailAddress) {

    record Address(Optional<String> street, Optional<String> city, Optional<String> region, Optional<String> postalCode) {
    }

    /** The required-field check, done before any format check. */
    static void requireNameOrSsn(RequestFields individual) {
        if ((individual.has("firstName") && individual.has("lastName")) || individual.has("ssn")) {
            return;
        }
        throw SandboxError.missingField(individual.name(individual.has("firstName") ? "lastName" : "firstName"));
    }

    static Individual read(RequestFields individual) {
        Optional<String> firstName = individual.text("firstName", FieldRule.TEXT);
        Optional<String> lastName = individual.text("lastName", FieldRule.TEXT);
        Optional<PartialDate> dob = individual.text("dob", FieldRule.TEXT)
                .map(text -> PartialDate.parse(individual.name("dob"), text));
        Optional<String> ssn = individual.text("ssn", FieldRule.SSN);
        List<Address> addresses = individual.objects("addresses").stream().map(Individual::address).toList();
        List<String> emails = individual.texts("emailAddresses", FieldRule.EMAIL_ADDRESS);
        return new Individual(firstName, lastName, dob, ssn, addresses.stream().findFirst(), emails.stream().findFirst());
    }

    private static Address address(RequestFields entry) {
        Optional<String> street = entry.text("address", FieldRule.TEXT);
        entry.text("extendedAddress", FieldRule.TEXT);
        return new Address(street, entry.text("city", FieldRule.TEXT), entry.text("region", FieldRule.TEXT),
                entry.text("postalCode", FieldRule.POSTAL_CODE));
    }
}
