package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static it.org.provegateway.support.TestUsers.LORANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.Eventually;
import it.org.provegateway.support.Tables;

/**
 * Prove in trouble, seen through the gateway's HTTP API: 5xx answers, a slow Prove, dropped connections, a status
 * read that fails once, and an outage long enough to open the circuit breaker. Every answer is a problem with the
 * right 502/503/504 status (never a bare 500), no session is written for a start that failed, and a flow started
 * before the outage completes after it.
 *
 * <p>The breaker of {@code ProveApi.unify} runs on test numbers set in {@code src/test/liberty/test.xml}: it opens
 * when all of the last 4 calls failed and closes after 2 s and one good call. So that the single failures of the
 * other tests never add up to 4, each of them ends with a start that succeeds.
 */
class ProveOutageIT extends GatewayIT {

    static final String PROBLEM = "application/problem+json";
    static final String TYPES = "https://prove-gateway.dev/problems/";

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @BeforeEach
    void freshProveAndRegistry() {
        sandbox.reset();
        Tables.reset(db, Tables.FLOWS);
    }

    static Response startLorant() {
        return given().contentType(ContentType.JSON).body(Map.of("phoneNumber", LORANT, "possessionType", "mobile"))
                .post(API + "/possession-flows");
    }

    JsonPath started() {
        return startLorant().then().statusCode(201).extract().jsonPath();
    }

    long sessions() {
        return db.count("SELECT COUNT(*) FROM flow_session");
    }

    /** After the fault: no session was written for it, and the next start works again. */
    void nothingWrittenAndRecovered() {
        assertThat(sessions()).as("no session row for a failed start").isZero();
        started();
        assertThat(sessions()).isEqualTo(1);
    }

    @Test
    void proveAnswering500IsA502Problem() {
        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "status", 500));
        startLorant().then().statusCode(502).contentType(PROBLEM).body("type", equalTo(TYPES + "prove-error"))
                .body("status", equalTo(502)).body("flowId", nullValue());
        nothingWrittenAndRecovered();
    }

    @Test
    void proveAnswering503WithRetryAfterIsA503ProblemWithRetryAfter() {
        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "status", 503, "retryAfterSeconds", 5));
        startLorant().then().statusCode(503).contentType(PROBLEM).header("Retry-After", "5")
                .body("type", equalTo(TYPES + "prove-unavailable"));
        assertThat(sandbox.calls("/v3/unify")).as("a start is never repeated").isEqualTo(1);
        nothingWrittenAndRecovered();
    }

    @Test
    void aSlowProveIsA504WithinTheTimeout() throws InterruptedException {
        // test.xml: prove.api.read-timeout PT3S, unify @Timeout 5 s; Prove answers after 4 s.
        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "delayMillis", 4000));
        long began = System.nanoTime();
        startLorant().then().statusCode(504).contentType(PROBLEM).body("type", equalTo(TYPES + "prove-timeout"));
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertThat(took).as("answered within the configured timeout").isLessThan(Duration.ofMillis(5500));
        // The emulator counts the slow call when it has answered (after 4 s): wait for it, so that it cannot land
        // in the next test's counters.
        Eventually.until(Duration.ofSeconds(5), "the emulator counted the slow start",
                () -> sandbox.calls("/v3/unify") > 0);
        assertThat(sandbox.calls("/v3/unify")).as("a start is never repeated").isEqualTo(1);
        nothingWrittenAndRecovered();
    }

    @Test
    void aDroppedConnectionIsA502Or503Problem() {
        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "drop", true));
        Response answer = startLorant();
        assertThat(answer.statusCode()).isIn(502, 503);
        answer.then().contentType(PROBLEM);
        assertThat(answer.jsonPath().getString("type")).startsWith(TYPES + "prove-");
        assertThat(sandbox.calls("/v3/unify")).as("a start is never repeated").isEqualTo(1);
        nothingWrittenAndRecovered();
    }

    @Test
    void aResultStepFailingOnceIsRepeatedAndTheCallerSeesTheOutcome() {
        JsonPath flow = started();
        sandbox.clientStep(flow.getString("authToken"), "otp", Map.of("device", "retry", "otp", "1234")).then()
                .statusCode(200);
        sandbox.fault(Map.of("endpoint", "/v3/unify-status", "count", 1, "status", 503));
        given().post(API + "/possession-flows/" + flow.getString("flowId") + "/result").then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
        assertThat(sandbox.calls("/v3/unify-status")).as("the 503, then the repeat").isEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM key_binding")).isEqualTo(1);
    }

    @Test
    void theCircuitOpensFailsFastWithoutCallingProveAndClosesAgainAndEarlierFlowsComplete() throws Exception {
        JsonPath before = started();
        String flowId = before.getString("flowId");
        sandbox.clientStep(before.getString("authToken"), "otp", Map.of("device", "outage", "otp", "1234")).then()
                .statusCode(200);
        int unifyCalls = sandbox.calls("/v3/unify");

        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 4, "status", 500));
        for (int i = 0; i < 4; i++) {
            startLorant().then().statusCode(502).contentType(PROBLEM).body("type", equalTo(TYPES + "prove-error"));
        }
        assertThat(sandbox.calls("/v3/unify")).isEqualTo(unifyCalls + 4);

        long began = System.nanoTime();
        startLorant().then().statusCode(503).contentType(PROBLEM).header("Retry-After", "2")
                .body("type", equalTo(TYPES + "prove-unavailable"));
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("fails fast").isLessThan(Duration.ofSeconds(1));
        assertThat(sandbox.calls("/v3/unify")).as("an open circuit does not call Prove").isEqualTo(unifyCalls + 4);
        assertThat(sessions()).as("only the flow started before the outage").isEqualTo(1);
        assertThat(db.single("SELECT state FROM flow_session WHERE id = ?", flowId)).containsEntry("state",
                "PENDING");

        // the breaker's delay (2 s in test.xml): readiness follows the breaker
        Eventually.until(Duration.ofSeconds(10), "the breaker lets a trial call through",
                () -> given().get(HOST + "/health/ready").statusCode() == 200);
        started();
        assertThat(sandbox.calls("/v3/unify")).as("closed again").isEqualTo(unifyCalls + 5);
        given().post(API + "/possession-flows/" + flowId + "/result").then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
        assertThat(sessions()).isEqualTo(2);
    }
}
