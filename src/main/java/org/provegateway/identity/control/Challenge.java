package org.provegateway.identity.control;

import java.time.LocalDate;
import java.util.Optional;

import org.provegateway.platform.control.GatewayException;

/**
 * What the caller answers to Prove's Pre-Fill challenge: the customer's date of birth and/or SSN (full or last 4).
 * Personal data: it lives in memory for one request, is sent to Prove and forgotten; {@link #toString()} shows no
 * value.
 */
public record Challenge(String dob, String ssn) {

    /**
     * The checks Prove would otherwise answer with a 400: at least one of the two; a real date, not in the future;
     * an SSN that the SSA can have issued.
     *
     * @param today the gateway's current date (UTC)
     * @return this challenge with blank fields as absent
     * @throws GatewayException invalid request naming the field; the value is never echoed
     */
    public Challenge checked(LocalDate today) {
        Optional<String> birth = text(dob);
        Optional<String> taxId = text(ssn);
        if (birth.isEmpty() && taxId.isEmpty()) {
            throw GatewayException.invalidField("dob", "or ssn is required: Prove's challenge needs at least one");
        }
        birth.ifPresent(value -> Person.checkDateOfBirth("dob", value, today));
        taxId.ifPresent(value -> Person.checkSsn("ssn", value));
        return new Challenge(birth.orElse(null), taxId.orElse(null));
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "Challenge[redacted]";
    }
}
