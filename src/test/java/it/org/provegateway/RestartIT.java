package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static it.org.provegateway.support.TestUsers.LORANT;
import static org.hamcrest.Matchers.equalTo;

import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.SecondServer;

/**
 * A gateway restarted between flow steps finishes the flow, because every step's state is in the database. The
 * gateway under test is a second Liberty server ({@link SecondServer}: the production WAR and server.xml, a database
 * of its own on the pass's database, embedded Derby or PostgreSQL) that this test stops and starts; Prove is the emulator in the Arquillian-managed server, which
 * keeps running. Between restarts the test reads the stopped server's database itself, and at the end it checks
 * at the emulator that nothing was sent twice.
 */
class RestartIT extends GatewayIT {

    final Sandbox sandbox = new Sandbox(SANDBOX);
    SecondServer gateway;

    @BeforeEach
    void secondGateway() {
        sandbox.reset();
        gateway = new SecondServer("prove-restart", SANDBOX);
        gateway.start();
    }

    @AfterEach
    void stopSecondGateway() {
        if (gateway != null) {
            gateway.close(); // also when the test failed
        }
    }

    Response startFlow(String key, String customer) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"phoneNumber\":\"" + LORANT + "\",\"possessionType\":\"none\",\"customerReference\":\""
                        + customer + "\"}")
                .post(gateway.api() + "/possession-flows");
    }

    Map<String, Long> rowCounts() {
        return gateway.whileStopped(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : new String[] {"flow_session", "key_binding", "key_binding_event",
                "idempotency_record"}) {
                try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            return counts;
        });
    }

    String flowState(String flowId) {
        return gateway.whileStopped(connection -> {
            var query = connection.prepareStatement("SELECT state FROM flow_session WHERE id = ?");
            query.setString(1, flowId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "none";
            }
        });
    }

    @Test
    void aFlowSurvivesRestartsBetweenStartStatusAndBindAndNothingIsSentOrStoredTwice() {
        String key = UUID.randomUUID().toString();
        String customer = "CUST-" + UUID.randomUUID();

        // start
        Response start = startFlow(key, customer);
        start.then().statusCode(201);
        JsonPath started = start.jsonPath();
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "key", Map.of("device", "restart")).then()
                .statusCode(200).body("outcome", equalTo("possession_required"));

        // restart between start and status
        gateway.stop();
        assertThat(flowState(flowId)).as("the started flow is in the database").isEqualTo("PENDING");
        gateway.start();
        given().post(gateway.api() + "/possession-flows/" + flowId + "/result").then().statusCode(200)
                .body("status", equalTo("POSSESSION_REQUIRED"));
        Response repeated = startFlow(key, customer);
        repeated.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(repeated.asString()).as("the Idempotency-Key answer survived the restart")
                .isEqualTo(start.asString());

        // restart between status and bind
        gateway.stop();
        assertThat(flowState(flowId)).isEqualTo("POSSESSION_REQUIRED");
        gateway.start();
        String deviceId = given().contentType(ContentType.JSON).body("{\"possessionCheckPassed\":true}")
                .post(gateway.api() + "/possession-flows/" + flowId + "/bind").then().statusCode(200)
                .body("status", equalTo("VERIFIED")).extract().jsonPath().getString("deviceId");
        assertThat(deviceId).isNotBlank();

        // restart after bind: the outcome is answered from the database
        gateway.stop();
        assertThat(flowState(flowId)).isEqualTo("VERIFIED");
        gateway.start();
        int statusCalls = sandbox.calls("/v3/unify-status");
        given().get(gateway.api() + "/possession-flows/" + flowId).then().statusCode(200)
                .body("status", equalTo("VERIFIED")).body("deviceId", equalTo(deviceId));
        given().contentType("application/json").body(Map.of("customerReference", customer))
                .post(gateway.api() + "/key-bindings/search").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].deviceId", equalTo(deviceId));
        assertThat(sandbox.calls("/v3/unify-status")).as("a final outcome is not asked again")
                .isEqualTo(statusCalls);

        gateway.stop();
        assertThat(rowCounts()).containsEntry("flow_session", 1L).containsEntry("key_binding", 1L)
                .containsEntry("key_binding_event", 1L).containsEntry("idempotency_record", 1L);
        // Prove saw one start, one status read, one bind; a token per server life that called Prove (3 of 4)
        assertThat(sandbox.calls("/v3/unify")).isEqualTo(1);
        assertThat(sandbox.calls("/v3/unify-status")).isEqualTo(1);
        assertThat(sandbox.calls("/v3/unify-bind")).isEqualTo(1);
        assertThat(sandbox.calls("/token")).as("a restarted gateway fetches a new token once").isEqualTo(3);
    }
}
