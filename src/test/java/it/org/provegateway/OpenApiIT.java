package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The running server describes every gateway endpoint, with examples and the error answers. */
class OpenApiIT extends GatewayIT {

    @Test
    void possessionAndBindingEndpointsAreDescribedWithExamplesAndProblems() {
        String document = given().accept("application/yaml").get(HOST + "/openapi").then().statusCode(200)
                .extract().asString();
        assertThat(document).contains("/prove-gateway", "/api/v1/possession-flows:",
                "/api/v1/possession-flows/{flowId}:",
                "/api/v1/possession-flows/{flowId}/bind:", "/api/v1/possession-flows/{flowId}/result:",
                "/api/v1/key-bindings:", "/api/v1/key-bindings/{bindingId}/revoke:",
                "/api/v1/key-bindings/bulk-check:", "/api/v1/key-bindings/changes:", "DUE_FOR_DEACTIVATION",
                "StartPossessionRequest", "application/problem+json", "2001004014",
                "REBIND_REQUIRED");
        assertThat(document).as("the emulator is not part of the gateway's API").doesNotContain("/prove-sandbox", "/control/");
    }
}
