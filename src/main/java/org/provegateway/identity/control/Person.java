package org.provegateway.identity.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.provegateway.platform.control.GatewayException;
import org.provegateway.proveapi.wire.Address;
import org.provegateway.proveapi.wire.Individual;

/**
 * The individual a caller submits for verification. It lives only in memory for the length of one request: the
 * gateway sends it to Prove and forgets it. Nothing here is stored or logged, and {@link #toString()} shows no
 * value. The shape of each field (characters, lengths, SSN and postal-code patterns) is checked by Bean Validation
 * at the boundary; the rules that need more than a pattern are checked by {@link #forProve(LocalDate)}.
 */
public record Person(
        String firstName,
        String lastName,
        String dob,
        String ssn,
        List<PostalAddress> addresses,
        List<String> emailAddresses) {

    private static final int EARLIEST_BIRTH_YEAR = 1900;

    public Person {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        emailAddresses = emailAddresses == null ? List.of() : List.copyOf(emailAddresses);
    }

    /** One postal address; Prove processes only the first one sent. */
    public record PostalAddress(String address, String extendedAddress, String city, String region,
            String postalCode) {

        @Override
        public String toString() {
            return "PostalAddress[redacted]";
        }
    }

    /**
     * The individual in Prove's wire form, after the checks Prove would otherwise answer with a 400: first and last
     * name or an SSN; a date of birth that is a real date, not in the future; an SSN that the SSA can have issued.
     *
     * @param today the gateway's current date (UTC)
     * @throws GatewayException invalid request naming the field; the value is never echoed
     */
    public Individual forProve(LocalDate today) {
        Optional<String> first = text(firstName);
        Optional<String> last = text(lastName);
        Optional<String> taxId = text(ssn);
        if (!(first.isPresent() && last.isPresent()) && taxId.isEmpty()) {
            throw GatewayException.invalidField(first.isPresent() ? "individual.lastName" : "individual.firstName",
                    "is required unless individual.ssn is given (Prove needs first and last name, or an SSN)");
        }
        Optional<String> birth = text(dob);
        birth.ifPresent(value -> checkDateOfBirth(value, today));
        taxId.ifPresent(Person::checkSsn);
        List<Address> wireAddresses = addresses.stream().limit(1)
                .map(a -> new Address(text(a.address()).orElse(null), text(a.extendedAddress()).orElse(null),
                        text(a.city()).orElse(null), text(a.region()).orElse(null),
                        text(a.postalCode()).orElse(null)))
                .toList();
        List<String> emails = emailAddresses.stream().limit(1).map(String::strip).toList();
        return new Individual(first.orElse(null), last.orElse(null), birth.orElse(null), taxId.orElse(null),
                wireAddresses.isEmpty() ? null : wireAddresses, emails.isEmpty() ? null : emails);
    }

    /** {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code MM-DD}, as Prove accepts; each must name a real date. */
    static void checkDateOfBirth(String value, LocalDate today) {
        checkDateOfBirth("individual.dob", value, today);
    }

    static void checkDateOfBirth(String field, String value, LocalDate today) {
        try {
            if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                LocalDate date = LocalDate.parse(value);
                checkYear(field, date.getYear(), !date.isAfter(today));
            } else if (value.matches("[0-9]{4}-[0-9]{2}")) {
                YearMonth month = YearMonth.parse(value);
                checkYear(field, month.getYear(), !month.isAfter(YearMonth.from(today)));
            } else if (value.matches("[0-9]{2}-[0-9]{2}")) {
                MonthDay.parse("--" + value);
            } else {
                throw GatewayException.invalidField(field, "must be YYYY-MM-DD, YYYY-MM or MM-DD");
            }
        } catch (DateTimeException e) {
            throw GatewayException.invalidField(field, "is not a real date");
        }
    }

    private static void checkYear(String field, int year, boolean notInFuture) {
        if (year < EARLIEST_BIRTH_YEAR || !notInFuture) {
            throw GatewayException.invalidField(field, "must be a date between 1900 and today");
        }
    }

    /** Nine digits (full SSN) or four (the last four); never an area, group or serial the SSA does not issue. */
    static void checkSsn(String value) {
        checkSsn("individual.ssn", value);
    }

    static void checkSsn(String field, String value) {
        if (!value.matches("[0-9]{9}|[0-9]{4}")) {
            throw GatewayException.invalidField(field, "must be the 9 digits of the SSN or its last 4 digits");
        }
        boolean invalid = value.length() == 4 ? "0000".equals(value)
                : value.startsWith("000") || value.startsWith("666") || value.startsWith("9")
                        || "00".equals(value.substring(3, 5)) || value.endsWith("0000");
        if (invalid) {
            throw GatewayException.invalidField(field, "is not an SSN that can have been issued");
        }
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "Person[redacted]";
    }
}
