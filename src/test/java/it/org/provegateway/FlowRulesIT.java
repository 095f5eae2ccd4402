package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.org.provegateway.support.Sandbox;

/**
 * Steps are checked against the flow's state before Prove is called; expired flows answer 410 and the expiry
 * timer removes them; bad input never reaches Prove. Every refusal is a problem-details answer.
 */
class FlowRulesIT extends GatewayIT {

    final Sandbox sandbox = new Sandbox(SANDBOX);

    JsonPath start(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(API + "/possession-flows").then()
                .statusCode(201).extract().jsonPath();
    }

    @Test
    void bindOnAProveLedFlowIsNotAllowedAndNeverReachesProve() {
        String flowId = start(Map.of("phoneNumber", "2001004014", "possessionType", "mobile")).getString("flowId");
        given().contentType(ContentType.JSON).body(Map.of("possessionCheckPassed", true))
                .post(API + "/possession-flows/" + flowId + "/bind").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://prove-gateway.dev/problems/step-not-allowed"))
                .body("status", equalTo(409)).body("flowId", equalTo(flowId));
        assertThat(sandbox.calls("/v3/unify-bind")).isZero();
    }

    @Test
    void unknownFlowsAreNotFound() {
        given().get(API + "/possession-flows/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://prove-gateway.dev/problems/flow-not-found"));
        // Not a UUID: cannot name any flow, so it is a bad request naming the path parameter.
        given().get(API + "/possession-flows/not-a-flow-id").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("flowId"));
    }

    @Test
    void anExpiredFlowAnswers410AndTheTimerRemovesIt() throws InterruptedException {
        JsonPath started = start(Map.of("phoneNumber", "2001004014", "possessionType", "none"));
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "key", Map.of("device", "expiry")).then().statusCode(200);
        given().post(API + "/possession-flows/" + flowId + "/result").then().statusCode(200)
                .body("status", equalTo("POSSESSION_REQUIRED"));

        // Time passes: the flow's expiry moves into the past (as 15 minutes would).
        assertThat(db.update("UPDATE flow_session SET expires_at = CAST(? AS TIMESTAMP) WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)).toString(), flowId)).isEqualTo(1);
        int binds = sandbox.calls("/v3/unify-bind");
        given().contentType(ContentType.JSON).body(Map.of("possessionCheckPassed", true))
                .post(API + "/possession-flows/" + flowId + "/bind").then().statusCode(410)
                .body("type", equalTo("https://prove-gateway.dev/problems/flow-expired"));
        assertThat(sandbox.calls("/v3/unify-bind")).isEqualTo(binds);
        given().get(API + "/possession-flows/" + flowId).then().statusCode(200).body("status", equalTo("EXPIRED"));

        // Once past the grace period (test.xml: 30 s) the timer removes it; a live flow next to it survives.
        assertThat(db.update("UPDATE flow_session SET expires_at = CAST(? AS TIMESTAMP) WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(3600)).toString(), flowId)).isEqualTo(1);
        String live = start(Map.of("phoneNumber", "2001004014", "possessionType", "mobile")).getString("flowId");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (db.count("SELECT COUNT(*) FROM flow_session WHERE id = ?", flowId) > 0) {
            assertThat(Instant.now()).as("the expiry timer removed the expired flow").isBefore(deadline);
            Thread.sleep(250);
        }
        assertThat(db.count("SELECT COUNT(*) FROM flow_session WHERE id = ?", live)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedBeforeProveWithTheFieldNamed() {
        int before = sandbox.calls("/v3/unify");
        expectInvalid(Map.of("phoneNumber", "12345", "possessionType", "mobile"), "phoneNumber");
        expectInvalid(Map.of("phoneNumber", "call me", "possessionType", "mobile"), "phoneNumber");
        expectInvalid(Map.of("phoneNumber", "442071838750", "possessionType", "mobile"), "phoneNumber");
        expectInvalid(Map.of("phoneNumber", "2001004014", "possessionType", "tablet"), "possessionType");
        expectInvalid(Map.of("possessionType", "mobile"), "phoneNumber");
        expectInvalid(Map.of("phoneNumber", "2001004014", "possessionType", "desktop"), "finalTargetUrl");
        expectInvalid(Map.of("phoneNumber", "2001004014", "possessionType", "desktop", "finalTargetUrl",
                "https://example.com/<script>"), "finalTargetUrl");
        expectInvalid(Map.of("phoneNumber", "2001004014", "possessionType", "desktop", "finalTargetUrl",
                "https://example.com/" + "a".repeat(120)), "finalTargetUrl");
        expectInvalid(Map.of("phoneNumber", "2001004014", "possessionType", "mobile", "smsMessage",
                "x".repeat(161)), "smsMessage");
        given().contentType(ContentType.JSON).body("{\"phoneNumber\":").post(API + "/possession-flows").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("hello").post(API + "/possession-flows").then()
                .statusCode(415).contentType("application/problem+json");
        assertThat(sandbox.calls("/v3/unify")).as("no bad request reached Prove").isEqualTo(before);
    }

    private static void expectInvalid(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post(API + "/possession-flows").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://prove-gateway.dev/problems/invalid-request"))
                .body("errors.field", hasItem(field))
                .body("detail", startsWith(""));
    }
}
