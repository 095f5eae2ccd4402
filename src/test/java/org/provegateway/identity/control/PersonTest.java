package org.provegateway.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.proveapi.PersonData;

class PersonTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static Person benji(String dob, String ssn) {
        return new Person("Benji", "Harper", dob, ssn,
                List.of(new Person.PostalAddress("27 Financial Place", null, "Bakersfield", "CA", "93301-2425")),
                List.of("bharperd@superstars.com"));
    }

    @Test
    void aCompletePersonBecomesProvesIndividual() {
        PersonData individual = benji("1994-09-02", "565252770").forProve(TODAY);

        assertThat(individual.firstName()).isEqualTo("Benji");
        assertThat(individual.dob()).isEqualTo("1994-09-02");
        assertThat(individual.ssn()).isEqualTo("565252770");
        assertThat(individual.addresses()).hasSize(1);
        assertThat(individual.addresses().get(0).postalCode()).isEqualTo("93301-2425");
        assertThat(individual.emailAddresses()).containsExactly("bharperd@superstars.com");
    }

    @Test
    void nameOrSsnIsRequiredAndTheMissingFieldIsNamed() {
        assertThatThrownBy(() -> new Person(null, null, "1994-09-02", null, null, null).forProve(TODAY))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.fieldErrors().get(0).field())
                        .isEqualTo("individual.firstName"));
        assertThatThrownBy(() -> new Person("Benji", " ", null, null, null, null).forProve(TODAY))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.fieldErrors().get(0).field())
                        .isEqualTo("individual.lastName"));
        assertThat(new Person(null, null, null, "2770", null, null).forProve(TODAY).ssn()).isEqualTo("2770");
        assertThat(new Person("Benji", "Harper", null, null, null, null).forProve(TODAY).addresses()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1994-09-02", "1994-09", "09-02", "02-29", "2000-02-29"})
    void datesOfBirthInEveryFormatProveAccepts(String dob) {
        assertThat(benji(dob, null).forProve(TODAY).dob()).isEqualTo(dob);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1994-02-30", "1994-13", "13-01", "02-30", "1899-12-31", "2027-01-01", "2026-12",
            "09/02/1994", "1994-9-2"})
    void datesThatAreNotRealAreRefusedWithoutEchoingThem(String dob) {
        assertThatThrownBy(() -> benji(dob, null).forProve(TODAY))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.fieldErrors().get(0).field()).isEqualTo("individual.dob");
                    assertThat(e.getMessage()).doesNotContain(dob);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"000252770", "666252770", "965252770", "565002770", "565250000", "0000", "56525277",
            "565-25-2770"})
    void ssnsThatCannotHaveBeenIssuedAreRefused(String ssn) {
        assertThatThrownBy(() -> benji(null, ssn).forProve(TODAY))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.fieldErrors().get(0).field()).isEqualTo("individual.ssn");
                    assertThat(e.getMessage()).doesNotContain(ssn);
                });
    }

    @Test
    void toStringShowsNoPersonalData() {
        assertThat(benji("1994-09-02", "565252770").toString())
                .doesNotContain("Benji", "Harper", "1994", "565252770", "Financial", "93301", "superstars");
    }
}
