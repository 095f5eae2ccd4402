package org.provegateway.proveapi.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String SSN = "565228370";
    private static final String DOB = "1981-01-17";

    @Test
    void completeRequestHidesEveryPersonalValue() {
        CompleteRequest request = new CompleteRequest("corr-1", new Individual("Milo", "Pinson", DOB, SSN,
                List.of(new Address("12 Main St", "Apt 4", "Springfield", "IL", "62701")),
                List.of("mpinsonm@dyndns.org")));

        assertThat(request.toString())
                .contains("corr-1")
                .doesNotContain(SSN, DOB, "Milo", "Pinson", "12 Main St", "Apt 4", "Springfield", "62701",
                        "mpinsonm@dyndns.org");
    }

    @Test
    void startRequestHidesDobSsnPhoneAndEmail() {
        StartRequest request = StartRequest.builder("mobile").phoneNumber("2001001695").dob(DOB).ssn("0596")
                .emailAddress("mpinsonm@dyndns.org").ipAddress("10.0.0.1").build();

        assertThat(request.toString())
                .contains("flowType=mobile", "ssn=***", "dob=***")
                .doesNotContain(DOB, "0596", "2001001695", "mpinsonm@dyndns.org", "10.0.0.1");
    }

    @Test
    void absentFieldsStayVisibleAsNull() {
        assertThat(StartRequest.builder("mobile").build().toString()).contains("ssn=null", "dob=null");
    }

    @Test
    void unifyRequestHidesPhoneAndEmail() {
        UnifyRequest request = UnifyRequest.builder("desktop", "req-1").phoneNumber("2001004011")
                .emailAddress("sbutrimovichb@who.int").build();

        assertThat(request.toString()).contains("req-1").doesNotContain("2001004011", "sbutrimovichb@who.int");
    }
}
