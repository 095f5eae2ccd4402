package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static it.org.provegateway.support.TestUsers.BENJI;
import static it.org.provegateway.support.TestUsers.LORANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.Tables;

/**
 * A second caller's view: two applications run flows against one gateway (demo users {@code flows} and
 * {@code flows2}, both flow-runners). Whatever {@code flows2} does with a flow {@code flows} started, at any state of
 * either flow kind, it gets exactly what it gets for an id that names no flow, Prove is not called, the owner's flow
 * is unchanged, and the attempt is in the audit trail.
 *
 * <p>The steps are taken from the gateway's OpenAPI document (every operation on a {@code {flowId}} path), so a step
 * added later is swept too.
 */
class FlowOwnershipIT extends GatewayIT {

    static final String OWNER = "flows";
    static final String OTHER = "flows2";
    static final String FLOW_NOT_FOUND = "https://prove-gateway.dev/problems/flow-not-found";

    /** Every Prove endpoint a flow step may call. */
    static final List<String> PROVE_STEPS = List.of("/v3/unify", "/v3/unify-status", "/v3/unify-bind", "/v3/start",
            "/v3/validate", "/v3/challenge", "/v3/complete");

    static final Map<String, Object> BENJI_INDIVIDUAL = Map.of("firstName", "Benji", "lastName", "Harper", "dob",
            "1994-09-02", "ssn", "565252770", "addresses", List.of(Map.of("address", "27 Financial Place", "city",
                    "Bakersfield", "region", "CA", "postalCode", "93301-2425")),
            "emailAddresses", List.of("bharperd@superstars.com"));

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @BeforeEach
    void freshProveAndTables() {
        sandbox.reset();
        Tables.reset(db, "audit_event", "key_binding_event", "key_binding", "flow_session");
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo-" + user).contentType(ContentType.JSON);
    }

    /** One operation on a flow, as listed in the OpenAPI document, with a body a caller would plausibly send. */
    record Step(String method, String path) {

        Response call(String user, String flowId) {
            RequestSpecification request = as(user).header("Idempotency-Key", UUID.randomUUID().toString());
            if (!"get".equals(method)) {
                request = request.body(bodyFor(path));
            }
            return request.request(method, API + path.replace("{flowId}", flowId));
        }

        static Map<String, ?> bodyFor(String path) {
            if (path.endsWith("/bind")) {
                return Map.of("possessionCheckPassed", true);
            }
            if (path.endsWith("/complete")) {
                return Map.of("individual", BENJI_INDIVIDUAL);
            }
            if (path.endsWith("/challenge")) {
                return Map.of("dob", "1994-09-02");
            }
            return Map.of();
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** Every operation on {@code /<kind>/{flowId}...} in the API document. */
    static List<Step> stepsOf(String kind) {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get(HOST + "/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<Step> steps = new ArrayList<>();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/" + kind + "/{flowId}")) {
                continue;
            }
            for (String method : path.getValue().keySet()) {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    steps.add(new Step(method, path.getKey().substring("/api/v1".length())));
                }
            }
        }
        return steps;
    }

    int proveCalls() {
        return PROVE_STEPS.stream().mapToInt(sandbox::calls).sum();
    }

    /** Status, problem type, title and detail: what tells one answer from another (the path differs by the id). */
    static Map<String, Object> shape(Response answer, String id) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("status", answer.statusCode());
        shape.put("contentType", answer.contentType());
        shape.put("body", answer.asString().replace(id, "{flowId}"));
        return shape;
    }

    /**
     * Sweeps every step of one flow kind as {@link #OTHER} on the owner's flow, checks each answer is that for an
     * unknown id, and that Prove was not called.
     */
    void sweep(String kind, String ownersFlow, SoftAssertions softly) {
        List<Step> steps = stepsOf(kind);
        softly.assertThat(steps).as("steps of %s in the API document", kind).isNotEmpty();
        for (Step step : steps) {
            String unknown = UUID.randomUUID().toString();
            Response forUnknown = step.call(OTHER, unknown);
            int before = proveCalls();
            Response forForeign = step.call(OTHER, ownersFlow);
            softly.assertThat(proveCalls()).as("%s on another caller's flow calls Prove", step).isEqualTo(before);
            softly.assertThat(forForeign.statusCode()).as("%s on another caller's flow", step).isEqualTo(404);
            softly.assertThat(forForeign.jsonPath().getString("type")).as("%s type", step).isEqualTo(FLOW_NOT_FOUND);
            softly.assertThat(shape(forForeign, ownersFlow)).as("%s: another caller's flow vs an unknown id", step)
                    .isEqualTo(shape(forUnknown, unknown));
        }
    }

    @Test
    void aSecondCallerGetsNothingOfAPossessionFlowAtAnyStateAndTheOwnerFinishesIt() {
        JsonPath started = as(OWNER).body(Map.of("phoneNumber", LORANT, "possessionType", "none",
                "customerReference", "CUST-OWN-1")).post(API + "/possession-flows").then().statusCode(201)
                .extract().jsonPath();
        String flowId = started.getString("flowId");
        SoftAssertions softly = new SoftAssertions();

        sweep("possession-flows", flowId, softly); // PENDING
        sandbox.clientStep(started.getString("authToken"), "key", Map.of("device", "own-check")).then()
                .statusCode(200);
        as(OWNER).get(API + "/possession-flows/" + flowId).then().statusCode(200);
        assertThat(db.single("SELECT state FROM flow_session WHERE id = ?", flowId).get("state"))
                .isEqualTo("POSSESSION_REQUIRED");
        sweep("possession-flows", flowId, softly); // POSSESSION_REQUIRED: bind would call Prove
        softly.assertThat(sandbox.calls("/v3/unify-bind")).as("binds at Prove").isZero();
        softly.assertAll();

        assertThat(db.single("SELECT state, started_by FROM flow_session WHERE id = ?", flowId))
                .containsEntry("state", "POSSESSION_REQUIRED").containsEntry("started_by", OWNER);
        as(OWNER).body(Map.of("possessionCheckPassed", true)).post(API + "/possession-flows/" + flowId + "/bind")
                .then().statusCode(200);
        JsonPath outcome = as(OWNER).get(API + "/possession-flows/" + flowId).then().statusCode(200).extract()
                .jsonPath();
        assertThat(outcome.getString("status")).isEqualTo("VERIFIED");
        // Once final, the flow is answered from the database: still nothing for the other caller.
        Response late = as(OTHER).get(API + "/possession-flows/" + flowId);
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(late.asString()).doesNotContain(outcome.getString("deviceId"), "VERIFIED", "4014");

        assertRefusalsAudited(flowId);
    }

    @Test
    void aSecondCallerGetsNothingOfAnIdentityFlowAtAnyStateAndTheOwnerFinishesIt() {
        JsonPath started = as(OWNER).body(Map.of("phoneNumber", BENJI, "flowType", "mobile"))
                .post(API + "/identity-flows").then().statusCode(201).extract().jsonPath();
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("otp", "1234")).then().statusCode(200);
        SoftAssertions softly = new SoftAssertions();

        sweep("identity-flows", flowId, softly); // STARTED, client step done: validate would call Prove
        softly.assertThat(sandbox.calls("/v3/validate")).as("validates at Prove").isZero();
        as(OWNER).post(API + "/identity-flows/" + flowId + "/validate").then().statusCode(200);
        sweep("identity-flows", flowId, softly); // VALIDATED: complete would call Prove
        softly.assertThat(sandbox.calls("/v3/complete")).as("completes at Prove").isZero();
        softly.assertAll();

        as(OWNER).body(Map.of("individual", BENJI_INDIVIDUAL)).post(API + "/identity-flows/" + flowId + "/complete")
                .then().statusCode(200);
        assertThat(db.single("SELECT state FROM flow_session WHERE id = ?", flowId).get("state"))
                .isEqualTo("IDENTITY_VERIFIED");
        assertRefusalsAudited(flowId);
    }

    /** Each refused attempt names the flow and the intruder; the intruder did nothing that succeeded. */
    void assertRefusalsAudited(String flowId) {
        assertThat(db.count("SELECT COUNT(*) FROM audit_event WHERE principal = ? AND action = 'FLOW_NOT_OWNED' "
                + "AND outcome = 'flow-not-found' AND flow_id = ?", OTHER, flowId)).isPositive();
        assertThat(db.count("SELECT COUNT(*) FROM audit_event WHERE principal = ? AND outcome = 'success'", OTHER))
                .isZero();
        assertThat(db.count("SELECT COUNT(*) FROM audit_event WHERE principal = ? AND flow_id = ? "
                + "AND action <> 'FLOW_NOT_OWNED'", OTHER, flowId)).as("step rows name no flow, as for unknown ids")
                .isZero();
    }

    @Test
    void anIdempotencyKeyOfAnotherCallerReplaysNothingOfItsFlow() {
        String key = UUID.randomUUID().toString();
        Map<String, String> start = Map.of("phoneNumber", LORANT, "possessionType", "mobile");
        String owners = as(OWNER).header("Idempotency-Key", key).body(start).post(API + "/possession-flows").then()
                .statusCode(201).extract().jsonPath().getString("flowId");
        JsonPath others = as(OTHER).header("Idempotency-Key", key).body(start).post(API + "/possession-flows").then()
                .statusCode(201).extract().jsonPath();
        assertThat(others.getString("flowId")).as("a flow of its own, not the owner's replayed").isNotEqualTo(owners);
        as(OTHER).get(API + "/possession-flows/" + others.getString("flowId")).then().statusCode(200);
        as(OWNER).get(API + "/possession-flows/" + others.getString("flowId")).then().statusCode(404);
        // The owner's replay still answers the owner's flow.
        assertThat(as(OWNER).header("Idempotency-Key", key).body(start).post(API + "/possession-flows").then()
                .statusCode(201).extract().jsonPath().getString("flowId")).isEqualTo(owners);
    }

    /**
     * Flows started before ownership was recorded (schema version 6) have no owner and stay open to every
     * flow-runner until they expire: flows in progress across an upgrade finish (docs/security.md).
     */
    @Test
    void aFlowFromBeforeOwnershipWasRecordedStaysOpenToEveryFlowRunnerUntilItExpires() {
        String flowId = as(OWNER).body(Map.of("phoneNumber", LORANT, "possessionType", "mobile"))
                .post(API + "/possession-flows").then().statusCode(201).extract().jsonPath().getString("flowId");
        db.update("UPDATE flow_session SET started_by = NULL WHERE id = ?", flowId);
        as(OTHER).get(API + "/possession-flows/" + flowId).then().statusCode(200);
        as(OWNER).get(API + "/possession-flows/" + flowId).then().statusCode(200);
    }
}
