package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

class HealthIT extends GatewayIT {

    @Test
    void gatewayIsUpWithMigratedSchema() {
        given().get(HOST + "/health").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .body("checks.find { it.name == 'database' }.data.schemaVersion", equalTo("1"));
    }
}
