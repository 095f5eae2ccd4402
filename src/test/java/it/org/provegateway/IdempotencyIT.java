package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static it.org.provegateway.support.TestUsers.LORANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.Tables;
import java.time.Duration;
import it.org.provegateway.support.Eventually;

/**
 * Idempotency-Key on the steps that start or bind something at Prove, and concurrent reads of one flow: a repeat
 * gets the first answer without a second Prove call, in the emulator's counters and in the database.
 */
class IdempotencyIT extends GatewayIT {

    static final String TYPES = "https://prove-gateway.dev/problems/";
    static final String MOBILE = "{\"phoneNumber\":\"" + LORANT + "\",\"possessionType\":\"mobile\"}";

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @BeforeEach
    void freshProveAndDatabase() {
        sandbox.reset();
        Tables.reset(db, "key_binding_event", "key_binding", "flow_session", "idempotency_record");
    }

    static Response post(String path, String key, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(API + path);
    }

    long count(String table) {
        return db.count("SELECT COUNT(*) FROM " + table);
    }

    @Test
    void aRepeatedStartGetsTheFirstAnswerWithoutCallingProveAgain() {
        String key = UUID.randomUUID().toString();
        Response first = post("/possession-flows", key, MOBILE);
        first.then().statusCode(201);
        Response again = post("/possession-flows", key, MOBILE);

        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.getHeader("Location"));
        assertThat(again.contentType()).startsWith("application/json");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(sandbox.answered("/v3/unify")).isEqualTo(1);
        assertThat(count("flow_session")).isEqualTo(1);
        Map<String, String> record = db.single("SELECT caller_scope, idem_key, state, status, body FROM idempotency_record");
        assertThat(record).containsEntry("caller_scope", "operator").containsEntry("idem_key", storedKey(key))
                .containsEntry("state", "DONE").containsEntry("status", "201");
        assertThat(record.get("body")).as("the kept answer is sealed: no authToken or flow id in clear")
                .startsWith("v1:").doesNotContain(first.jsonPath().getString("authToken"))
                .doesNotContain(first.jsonPath().getString("flowId"));

        // without a key every request is new
        post("/possession-flows", null, MOBILE).then().statusCode(201);
        assertThat(sandbox.answered("/v3/unify")).isEqualTo(2);
        assertThat(count("idempotency_record")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422AndProveIsNotCalled() {
        String key = UUID.randomUUID().toString();
        post("/possession-flows", key, MOBILE).then().statusCode(201);
        post("/possession-flows", key, MOBILE.replace("mobile", "none")).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(TYPES + "idempotency-key-reused"));
        // another endpoint with the same key is another request too
        post("/identity-flows", key, "{\"phoneNumber\":\"2001001695\",\"flowType\":\"mobile\"}").then()
                .statusCode(422);
        assertThat(sandbox.answered("/v3/unify")).isEqualTo(1);
        assertThat(sandbox.calls("/v3/start")).isZero();
        assertThat(count("flow_session")).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsA400NamingTheHeader() {
        post("/possession-flows", "has space", MOBILE).then().statusCode(400)
                .body("type", equalTo(TYPES + "invalid-request")).body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(sandbox.calls("/v3/unify")).isZero();
    }

    @Test
    void fiftyParallelStartsWithOneKeyMakeOneProveCallAndAllGetTheSameAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        List<Response> answers = parallel(50, () -> post("/possession-flows", key, MOBILE));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.asString())
                .isEqualTo(201));
        assertThat(answers.stream().map(Response::asString).distinct()).hasSize(1);
        assertThat(sandbox.answered("/v3/unify")).isEqualTo(1);
        assertThat(count("flow_session")).isEqualTo(1);
        assertThat(count("idempotency_record")).isEqualTo(1);
    }

    @Test
    void aRepeatedBindGetsTheFirstAnswerAndBindsOnce() throws Exception {
        JsonPath started = post("/possession-flows", null, MOBILE.replace("mobile", "none")).then().statusCode(201)
                .extract().jsonPath();
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "key", Map.of("device", "idem-bind")).then()
                .statusCode(200);
        given().post(API + "/possession-flows/" + flowId + "/result").then().statusCode(200)
                .body("status", equalTo("POSSESSION_REQUIRED"));

        String key = UUID.randomUUID().toString();
        String bind = "/possession-flows/" + flowId + "/bind";
        List<Response> answers = parallel(10, () -> post(bind, key, "{\"possessionCheckPassed\":true}"));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.asString())
                .isEqualTo(200));
        assertThat(answers.stream().map(Response::asString).distinct()).hasSize(1);
        assertThat(answers.get(0).jsonPath().getString("status")).isEqualTo("VERIFIED");
        assertThat(sandbox.calls("/v3/unify-bind")).isEqualTo(1);
        assertThat(count("key_binding")).isEqualTo(1);
        assertThat(count("key_binding_event")).isEqualTo(1);

        // the same bind without the key is a second bind: refused by the flow's state, not replayed
        post(bind, null, "{\"possessionCheckPassed\":true}").then().statusCode(409);
        assertThat(sandbox.calls("/v3/unify-bind")).isEqualTo(1);
    }

    @Test
    void aRepeatedIdentityStartGetsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String body = "{\"phoneNumber\":\"2001001695\",\"flowType\":\"mobile\"}";
        Response first = post("/identity-flows", key, body);
        first.then().statusCode(201);
        post("/identity-flows", key, body).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("flowId", equalTo(first.jsonPath().getString("flowId")));
        assertThat(sandbox.answered("/v3/start")).isEqualTo(1);
        assertThat(count("flow_session")).isEqualTo(1);
    }

    @Test
    void anAnswerThatSaysTryAgainIsNotKeptSoTheRepeatRuns() {
        String key = UUID.randomUUID().toString();
        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "status", 503));
        post("/possession-flows", key, MOBILE).then().statusCode(503);
        assertThat(count("idempotency_record")).isZero();
        assertThat(post("/possession-flows", key, MOBILE).then().statusCode(201).extract()
                .header("Idempotent-Replayed")).as("ran again, not replayed").isNull();
        assertThat(sandbox.answered("/v3/unify")).as("the 503, then the repeat that ran").isEqualTo(1);
        assertThat(given().get(SANDBOX + "/control/calls/v3/unify").jsonPath().getMap("statuses"))
                .containsEntry("503", 1);
        assertThat(count("flow_session")).isEqualTo(1);
    }

    @Test
    void anotherCallersAnswerIsNeverReplayed() {
        String key = UUID.randomUUID().toString();
        // A finished record of the same key for another caller, with an answer that must never leak.
        db.update("INSERT INTO idempotency_record (id, caller_scope, idem_key, request_hash, state, status, "
                + "media_type, body, created_at, expires_at, version) VALUES (?, 'someone-else', ?, ?, 'DONE', 201, "
                + "'application/json', '{\"secret\":\"of someone else\"}', CURRENT_TIMESTAMP, "
                + "CAST(? AS TIMESTAMP), 0)", UUID.randomUUID().toString(), storedKey(key), "x".repeat(64),
                "2999-01-01 00:00:00");

        Response answer = post("/possession-flows", key, MOBILE);
        answer.then().statusCode(201);
        assertThat(answer.getHeader("Idempotent-Replayed")).isNull();
        assertThat(answer.asString()).doesNotContain("someone else").contains("flowId");
        assertThat(sandbox.answered("/v3/unify")).isEqualTo(1);
        assertThat(db.rows("SELECT caller_scope FROM idempotency_record WHERE idem_key = ? ORDER BY caller_scope",
                storedKey(key))).extracting(row -> row.get("caller_scope")).containsExactly("operator", "someone-else");
    }

    @Test
    void expiredRecordsArePurgedByTheTimerAndTheKeyIsFreeAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        post("/possession-flows", key, MOBILE).then().statusCode(201);
        db.update("UPDATE idempotency_record SET expires_at = CAST(? AS TIMESTAMP)", "2000-01-01 00:00:00");
        // test.xml: the idempotency purge timer runs every second
        Eventually.until(Duration.ofSeconds(20), "purged by the timer", () -> count("idempotency_record") == 0);
        assertThat(post("/possession-flows", key, MOBILE).then().statusCode(201).extract()
                .header("Idempotent-Replayed")).as("ran again, not replayed").isNull();
        assertThat(sandbox.answered("/v3/unify")).isEqualTo(2);
    }

    // ---- concurrent status reads ----------------------------------------------------------------------------

    @Test
    void fiftyParallelResultStepsOfOneFlowAskProveOnceRecordOneBindingAndAgree() throws Exception {
        JsonPath started = post("/possession-flows", null, MOBILE).then().statusCode(201).extract().jsonPath();
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("device", "polls", "otp", "1234")).then()
                .statusCode(200);

        List<Response> answers = parallel(50, () -> given().post(API + "/possession-flows/" + flowId + "/result"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.asString())
                .isEqualTo(200));
        assertThat(answers.stream().map(answer -> answer.jsonPath().getString("status")).distinct())
                .containsExactly("VERIFIED");
        assertThat(answers.stream().map(answer -> answer.jsonPath().getString("deviceId")).distinct()).hasSize(1);
        assertThat(sandbox.calls("/v3/unify-status")).as("one Prove call for all 50 result steps").isEqualTo(1);
        assertThat(count("key_binding")).isEqualTo(1);
        assertThat(db.single("SELECT event FROM key_binding_event")).containsEntry("event", "BOUND");
        assertThat(db.single("SELECT state FROM flow_session WHERE id = ?", flowId)).containsEntry("state",
                "VERIFIED");
    }

    static <T> List<T> parallel(int n, Callable<T> call) throws Exception {
        return Parallel.run(n, call);
    }

    /** How the gateway stores a key: SHA-256 hex (idempotency.control.AnswerSeal), never the key itself. */
    static String storedKey(String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("prove-gateway idempotency lookup\n" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
