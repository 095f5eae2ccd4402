package org.provegateway.sandbox.users;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * One sandbox test user.
 *
 * @param number            the number as Prove's table writes it; international numbers carry their leading '+'
 * @param product           which endpoints accept the user
 * @param shortTerm         passes possession without any client step (Barbaraanne, Janos, Martina Goodram, Milo Pinson)
 * @param possessionPasses  OTP "1234" and Instant Link pass; {@code false} for the "fail" users
 * @param mobileAuth        what Mobile Auth does
 * @param reputationRisk    {@code checkReputation=true} makes the final status fail with risk 9133
 * @param revokesFirstKey   the first Prove Key created for the user on a device is revoked right after its flow
 *                          passes (Penny's "Revoke Key" tab)
 * @param identity          identity data, for Pre-Fill and Identity users
 */
public record TestUser(String number, String firstName, String lastName, Product product, boolean shortTerm,
        boolean possessionPasses, MobileAuth mobileAuth, boolean reputationRisk, boolean revokesFirstKey,
        Optional<IdentityRecord> identity) {

    /** International numbers are written with '+' and must be sent exactly so. */
    public boolean international() {
        return number.startsWith("+");
    }

    /** North-American users match with or without a leading "+1"; international ones match exactly. */
    public boolean matches(String phoneNumber) {
        return phoneNumber.equals(number) || (!international() && phoneNumber.equals("+1" + number));
    }

    /** Stable per person: a name-based UUID of the number. */
    public String proveId() {
        return UUID.nameUUIDFromBytes(number.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The same user with one more address (Marcia Longo has two). */
    TestUser withAddress(IdentityRecord.PostalAddress address) {
        IdentityRecord record = identity.orElseThrow();
        java.util.List<IdentityRecord.PostalAddress> addresses = new java.util.ArrayList<>(record.addresses());
        addresses.add(address);
        return new TestUser(number, firstName, lastName, product, shortTerm, possessionPasses, mobileAuth,
                reputationRisk, revokesFirstKey,
                Optional.of(new IdentityRecord(addresses, record.dob(), record.ssn(), record.emailAddress())));
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
