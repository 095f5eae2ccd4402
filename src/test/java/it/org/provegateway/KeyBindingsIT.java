package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.Tables;

/** The key-binding registry's lookups, an operator's revocation, Prove's 12-month rule, the database's guarantees. */
class KeyBindingsIT extends GatewayIT {

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @BeforeEach
    void freshProveAndRegistry() {
        sandbox.reset();
        Tables.reset(db, Tables.FLOWS);
    }

    /** Lorant passes on OTP on a device; answers the binding found by customer reference. */
    JsonPath boundBinding(String customer, String device) {
        JsonPath started = given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", "2001004014", "possessionType", "mobile", "customerReference", customer))
                .post(API + "/possession-flows").then().statusCode(201).extract().jsonPath();
        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("device", device, "otp", "1234")).then()
                .statusCode(200);
        given().post(API + "/possession-flows/" + started.getString("flowId") + "/result").then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
        return given().contentType(ContentType.JSON).body(Map.of("customerReference", customer))
                .post(API + "/key-bindings/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void bindingsAreFoundByEveryIdentifier() {
        String customer = "CUST-" + UUID.randomUUID();
        JsonPath found = boundBinding(customer, "lookup");
        String deviceId = found.getString("[0].deviceId");
        String proveId = found.getString("[0].proveId");
        assertThat(found.getString("[0].state")).isEqualTo("ACTIVE");
        assertThat(found.getList("[0].history.event")).containsExactly("BOUND");
        for (Map.Entry<String, String> query : Map.of("deviceId", deviceId, "proveId", proveId).entrySet()) {
            given().queryParam(query.getKey(), query.getValue()).get(API + "/key-bindings").then().statusCode(200)
                    .body("[0].bindingId", equalTo(found.getString("[0].bindingId")));
        }
        for (Map.Entry<String, String> search : Map.of("deviceId", deviceId, "proveId", proveId, "phoneNumber",
                "(200) 100-4014", "customerReference", customer).entrySet()) {
            given().contentType(ContentType.JSON).body(Map.of(search.getKey(), search.getValue()))
                    .post(API + "/key-bindings/search").then().statusCode(200)
                    .body("[0].bindingId", equalTo(found.getString("[0].bindingId")));
        }
        given().contentType(ContentType.JSON).body(Map.of("customerReference", "nobody"))
                .post(API + "/key-bindings/search").then().statusCode(200).body("size()", equalTo(0));
        // Personal data is not taken in a URL (proxies and access logs record URLs): refused, not echoed.
        for (String personal : List.of("phoneNumber", "customerReference")) {
            String answer = given().queryParam(personal, "2001004014").get(API + "/key-bindings").then()
                    .statusCode(400).body("errors[0].field", equalTo(personal)).extract().asString();
            assertThat(answer).doesNotContain("2001004014");
        }
        given().contentType(ContentType.JSON).body(Map.of("deviceId", deviceId, "proveId", proveId))
                .post(API + "/key-bindings/search").then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body(Map.of()).post(API + "/key-bindings/search").then()
                .statusCode(400);
        given().get(API + "/key-bindings").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("deviceId", deviceId).queryParam("proveId", proveId).get(API + "/key-bindings").then()
                .statusCode(400);
        given().get(API + "/key-bindings/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://prove-gateway.dev/problems/binding-not-found"));
    }

    @Test
    void anOperatorRevocationRevokesTheKeyAtProveAndInTheRegistry() {
        String customer = "CUST-" + UUID.randomUUID();
        JsonPath found = boundBinding(customer, "operator");
        String bindingId = found.getString("[0].bindingId");
        String deviceId = found.getString("[0].deviceId");

        given().post(API + "/key-bindings/" + bindingId + "/revoke").then().statusCode(200)
                .body("state", equalTo("REVOKED"));
        assertThat(sandbox.calls("/v3/device/revoke")).isEqualTo(1);
        assertThat(sandbox.lastBody("/v3/device/revoke")).containsEntry("deviceId", deviceId);
        assertThat(db.single("SELECT state, active_device_id FROM key_binding WHERE id = ?", bindingId))
                .containsEntry("state", "REVOKED").containsEntry("active_device_id", null);
        assertThat(db.rows("SELECT event FROM key_binding_event WHERE binding_id = ? ORDER BY seq", bindingId))
                .extracting(row -> row.get("event")).containsExactly("BOUND", "REVOKED");

        // Revoked at Prove: key-only authentication on that device now fails with 8019.
        JsonPath next = given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", "2001004014", "possessionType", "mobile"))
                .post(API + "/possession-flows").then().statusCode(201).extract().jsonPath();
        sandbox.clientStep(next.getString("authToken"), "key", Map.of("device", "operator")).then().statusCode(400)
                .body("code", equalTo(8019));

        // Revoking again changes nothing and calls nobody.
        given().post(API + "/key-bindings/" + bindingId + "/revoke").then().statusCode(200)
                .body("state", equalTo("REVOKED"));
        assertThat(sandbox.calls("/v3/device/revoke")).isEqualTo(1);
    }

    @Test
    void aKeyUnusedFor12MonthsIsDueForDeactivation() {
        String customer = "CUST-" + UUID.randomUUID();
        String bindingId = boundBinding(customer, "idle").getString("[0].bindingId");
        given().get(API + "/key-bindings/" + bindingId).then().statusCode(200)
                .body("dueForDeactivation", equalTo(false));
        String thirteenMonthsAgo = Timestamp.from(ZonedDateTime.now(ZoneOffset.UTC).minusMonths(13).toInstant())
                .toString();
        assertThat(db.update("UPDATE key_binding SET last_used_at = CAST(? AS TIMESTAMP) WHERE id = ?",
                thirteenMonthsAgo, bindingId)).isEqualTo(1);
        given().get(API + "/key-bindings/" + bindingId).then().statusCode(200)
                .body("dueForDeactivation", equalTo(true));
    }

    @Test
    void theDatabaseRefusesASecondLiveBindingForOneDevice() {
        String customer = "CUST-" + UUID.randomUUID();
        String deviceId = boundBinding(customer, "unique").getString("[0].deviceId");
        given().contentType(ContentType.JSON).body(Map.of("sql", "INSERT INTO key_binding (id, device_id, "
                + "active_device_id, phone_number, state, bound_at, last_used_at, state_changed_at, version) VALUES "
                + "(?, ?, ?, '+2001004025', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)",
                "params", java.util.List.of(UUID.randomUUID().toString(), deviceId, deviceId)))
                .post(HOST + "/db-probe/sql").then().statusCode(500);
        assertThat(db.count("SELECT COUNT(*) FROM key_binding WHERE device_id = ?", deviceId)).isEqualTo(1);
    }
}
