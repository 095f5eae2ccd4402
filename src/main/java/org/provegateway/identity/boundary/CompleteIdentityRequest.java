package org.provegateway.identity.boundary;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.provegateway.identity.control.Person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/identity-flows/{flowId}/complete}. Every message below names the rule, never the
 * value: the values are personal data.
 */
@Schema(name = "CompleteIdentityRequest", description = "The individual to verify")
public record CompleteIdentityRequest(
        @Schema(required = true) @Valid @NotNull IndividualRequest individual) {

    Person toPerson() {
        return individual.toPerson();
    }

    @Override
    public String toString() {
        return "CompleteIdentityRequest[redacted]";
    }

    /**
     * The individual. First and last name, or an SSN, are required. Prove processes only the first address and the
     * first e-mail address; the gateway refuses more than one of each rather than let a caller believe the others
     * were checked.
     */
    @Schema(name = "Individual", description = "First and last name, or SSN, are required; at most one address and "
            + "one e-mail address (Prove processes only the first)")
    public record IndividualRequest(
            @Schema(examples = "Benji")
            @Size(max = 64, message = "must be at most 64 characters")
            @Pattern(regexp = NAME, message = NAME_RULE) String firstName,

            @Schema(examples = "Harper")
            @Size(max = 64, message = "must be at most 64 characters")
            @Pattern(regexp = NAME, message = NAME_RULE) String lastName,

            @Schema(description = "Date of birth: YYYY-MM-DD, YYYY-MM or MM-DD", examples = "1994-09-02")
            @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{2}|[0-9]{2}-[0-9]{2}",
                    message = "must be YYYY-MM-DD, YYYY-MM or MM-DD") String dob,

            @Schema(description = "Social Security number: 9 digits, or the last 4", examples = "565252770")
            @Pattern(regexp = "[0-9]{9}|[0-9]{4}", message = "must be the 9 digits of the SSN or its last 4 digits")
            String ssn,

            @Size(max = 1, message = "Prove processes only the first address: send at most one")
            List<@Valid @NotNull AddressRequest> addresses,

            @Schema(examples = "bharperd@superstars.com")
            @Size(max = 1, message = "Prove processes only the first e-mail address: send at most one")
            List<@NotBlank(message = "must not be blank") @Size(max = 254, message = "must be at most 254 characters")
                    @Email(message = "must be an e-mail address")
                    @Pattern(regexp = EMAIL, message = "must be an e-mail address of letters, digits and . + only")
                    String> emailAddresses) {

        Person toPerson() {
            return new Person(firstName, lastName, dob, ssn,
                    addresses == null ? List.of() : addresses.stream().map(AddressRequest::toAddress).toList(),
                    emailAddresses);
        }

        @Override
        public String toString() {
            return "IndividualRequest[redacted]";
        }
    }

    /** A postal address (US or Canada). */
    @Schema(name = "Address")
    public record AddressRequest(
            @Schema(description = "Street and number", examples = "27 Financial Place")
            @Size(max = 100, message = "must be at most 100 characters")
            @Pattern(regexp = STREET, message = STREET_RULE) String address,

            @Schema(description = "Apartment, suite, ...", examples = "Apt 4")
            @Size(max = 100, message = "must be at most 100 characters")
            @Pattern(regexp = STREET, message = STREET_RULE) String extendedAddress,

            @Schema(examples = "Bakersfield")
            @Size(max = 64, message = "must be at most 64 characters")
            @Pattern(regexp = NAME, message = NAME_RULE) String city,

            @Schema(description = "Two-letter state or province code", examples = "CA")
            @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter state or province code") String region,

            @Schema(description = "5 digits or ZIP+4", examples = "93301-2425")
            @Pattern(regexp = "[0-9]{5}(-[0-9]{4})?", message = "must be 5 digits or ZIP+4 (12345-6789)")
            String postalCode) {

        Person.PostalAddress toAddress() {
            return new Person.PostalAddress(address, extendedAddress, city, region, postalCode);
        }

        @Override
        public String toString() {
            return "AddressRequest[redacted]";
        }
    }

    static final String NAME = "[\\p{L}\\p{M}][\\p{L}\\p{M} '.-]*";
    static final String NAME_RULE = "may contain only letters, spaces and ' . -";
    static final String STREET = "[\\p{L}\\p{M}0-9][\\p{L}\\p{M}0-9 #'.,/-]*";
    static final String STREET_RULE = "may contain only letters, digits, spaces and # ' . , / -";
    static final String EMAIL = "[A-Za-z0-9.+]+@[A-Za-z0-9]+(\\.[A-Za-z0-9]+)+";
}
