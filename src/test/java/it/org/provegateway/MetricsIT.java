package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static it.org.provegateway.support.TestUsers.LORANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.org.provegateway.support.Metrics;
import it.org.provegateway.support.Sandbox;
import java.time.Duration;
import it.org.provegateway.support.Eventually;

/**
 * {@code /metrics} as Prometheus scrapes it: one possession flow through the emulator moves the Prove call timers
 * (with histogram buckets), the flow counters and the timer counters; Fault Tolerance's own metrics are there; and
 * no label carries a phone number, a flow id or any other request data.
 */
class MetricsIT extends GatewayIT {

    static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d{7,}");
    static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}");

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @BeforeEach
    void freshProve() {
        sandbox.reset();
    }

    static double delta(Metrics before, Metrics after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    @Test
    void aPossessionFlowMovesTheCountersAndNoLabelCarriesPersonalData() throws InterruptedException {
        Metrics before = Metrics.scrape(HOST);

        JsonPath flow = given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", LORANT, "possessionType", "mobile", "customerReference", "METRICS-1"))
                .post(API + "/possession-flows").then().statusCode(201).extract().jsonPath();
        String flowId = flow.getString("flowId");
        sandbox.clientStep(flow.getString("authToken"), "otp", Map.of("device", "metrics", "otp", "1234")).then()
                .statusCode(200);
        given().post(API + "/possession-flows/" + flowId + "/result").then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
        // at least one run of the expiry timer (every second in test.xml)
        Metrics after = Eventually.get(Duration.ofSeconds(20), "a run of the expiry timer", () -> {
            Metrics now = Metrics.scrape(HOST);
            return delta(before, now, "session_purge_runs_total", Map.of("outcome", "success")) > 0 ? now : null;
        });
        assertThat(delta(before, after, "prove_calls_seconds_count", Map.of("operation", "unify", "outcome",
                "success"))).isEqualTo(1);
        assertThat(delta(before, after, "prove_calls_seconds_count", Map.of("operation", "unifyStatus",
                "outcome", "success"))).isEqualTo(1);
        assertThat(after.has("prove_calls_seconds_bucket", Map.of("operation", "unify", "le", "0.5")))
                .as("latency histogram buckets").isTrue();
        assertThat(delta(before, after, "prove_calls_seconds_bucket", Map.of("operation", "unify", "outcome",
                "success", "le", "17.0"))).isEqualTo(1);
        assertThat(delta(before, after, "flows_started_total", Map.of("kind", "possession", "type", "mobile")))
                .isEqualTo(1);
        assertThat(delta(before, after, "flows_finished_total", Map.of("kind", "possession", "outcome",
                "verified"))).isEqualTo(1);
        assertThat(delta(before, after, "session_purge_runs_total", Map.of("outcome", "success"))).isPositive();
        assertThat(after.has("session_purge_removed_total", Map.of())).isTrue();
        assertThat(after.has("sessions_active", Map.of())).isTrue();
        assertThat(after.has("prove_token_fetches_total", Map.of("outcome", "success"))).isTrue();
        assertThat(after.value("prove_circuit_open", Map.of("operation", "unify"))).isZero();
        assertThat(after.samples()).as("Fault Tolerance's own metrics for ProveApi")
                .anyMatch(s -> s.name().startsWith("ft_") && s.labels().getOrDefault("method", "")
                        .equals("org.provegateway.proveapi.ProveApi.unify"));

        assertThat(after.text()).doesNotContain(LORANT).doesNotContain(flowId).doesNotContain("METRICS-1");
        assertThat(after.samples()).allSatisfy(sample -> assertThat(sample.labels().values())
                .as(sample.name()).noneMatch(value -> PHONE_LIKE.matcher(value).find()
                        || UUID_LIKE.matcher(value).find()));
    }

    @Test
    void ratesLimitedByProveAreCounted() {
        Metrics before = Metrics.scrape(HOST);
        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "status", 429, "retryAfterSeconds", 1));
        given().contentType(ContentType.JSON).body(Map.of("phoneNumber", LORANT, "possessionType", "mobile"))
                .post(API + "/possession-flows").then().statusCode(503);
        Metrics after = Metrics.scrape(HOST);
        assertThat(delta(before, after, "prove_rate_limited_total", Map.of("operation", "unify"))).isEqualTo(1);
        assertThat(delta(before, after, "prove_calls_seconds_count", Map.of("operation", "unify", "outcome",
                "rate_limited"))).isEqualTo(1);
        // a start that succeeds, so the single failure never adds up with other tests' towards the breaker
        given().contentType(ContentType.JSON).body(Map.of("phoneNumber", LORANT, "possessionType", "mobile"))
                .post(API + "/possession-flows").then().statusCode(201);
    }
}
