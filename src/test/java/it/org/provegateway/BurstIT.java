package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static it.org.provegateway.support.TestUsers.LORANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.SecondServer;

/**
 * A burst of callers as a bank's front end produces it at peak: 200 flow starts at the same moment. The gateway under
 * test is a second server with the production configuration ({@link SecondServer}), so that its rate limit is the
 * real one or an ample one, not the test server's 10 per second; Prove is the emulator, enforcing the same limit as
 * Prove does.
 *
 * <ul>
 * <li>Ample rate (1,000/s at the gateway and at Prove): every start is served (200 x 201) with one token fetch, and
 * the database holds exactly one session and one Idempotency-Key record per answer; then 200 customer-supplied
 * binds at once create 200 bindings.
 * <li>Prove's 25/s, the production default: each start is served or refused with the documented
 * {@code 503 prove-rate-limited} and {@code Retry-After}; never {@code prove-unavailable}, never a 504, never a 429
 * from Prove, and the rows equal the successful answers.
 * </ul>
 */
class BurstIT extends GatewayIT {

    static final String TYPES = "https://prove-gateway.dev/problems/";
    static final int BURST = 200;

    final Sandbox sandbox = new Sandbox(SANDBOX);
    SecondServer gateway;

    @BeforeEach
    void freshProve() {
        sandbox.reset();
    }

    @AfterEach
    void stopSecondGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    List<Response> burstOfStarts() throws Exception {
        List<Callable<Response>> starts = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            starts.add(() -> given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("phoneNumber", LORANT, "possessionType", "none")).post(gateway.api()
                            + "/possession-flows"));
        }
        return Parallel.run(starts);
    }

    long rows(String table) {
        return gateway.query(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    static Map<Integer, Long> statuses(List<Response> answers) {
        return answers.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
    }

    @Test
    void aBurstWithinTheLimitsIsServedWhole() throws Exception {
        sandbox.settings(Map.of("rateLimitPerSecond", 1000));
        // Ample limits: Prove's rate, and a connection pool for the burst (the production default of 20 connections,
        // each waited for at most 2 s, answers 503 database-unavailable to part of 200 simultaneous requests on a
        // loaded 2-core machine: that is the pool's documented sizing, not what this test is about).
        gateway = new SecondServer("prove-burst", SANDBOX, Map.of("prove.api.rate-limit", "1000", "db.pool.max",
                "100"));
        gateway.start();

        List<Response> answers = burstOfStarts();
        assertThat(statuses(answers)).as("every start served").isEqualTo(Map.of(201, (long) BURST));
        assertThat(sandbox.calls("/token")).as("one token for the whole burst").isEqualTo(1);
        assertThat(sandbox.answered("/v3/unify")).isEqualTo(BURST);

        // then every flow, after the bank's own possession check, binds its key: 200 binds at once
        List<Callable<Response>> binds = new ArrayList<>();
        for (Response start : answers) {
            String flowId = start.jsonPath().getString("flowId");
            String authToken = start.jsonPath().getString("authToken");
            binds.add(() -> {
                sandbox.clientStep(authToken, "key", Map.of("device", "burst")).then().statusCode(200);
                Response outcome = given().contentType(ContentType.JSON).body("{}").post(gateway.api()
                        + "/possession-flows/" + flowId + "/result");
                assertThat(outcome.statusCode()).as("outcome: %s", outcome.asString()).isEqualTo(200);
                return given().contentType(ContentType.JSON).body("{\"possessionCheckPassed\":true}")
                        .post(gateway.api() + "/possession-flows/" + flowId + "/bind");
            });
        }
        List<Response> bound = Parallel.run(binds);
        assertThat(statuses(bound)).as("every bind served; not served: %s", bound.stream()
                .filter(answer -> answer.statusCode() != 200).limit(3).map(Response::asString).toList())
                .isEqualTo(Map.of(200, (long) BURST));

        if (!gateway.postgresql()) {
            gateway.stop(); // embedded Derby: read it while the server is stopped
        }
        assertThat(rows("flow_session")).isEqualTo(BURST);
        assertThat(rows("idempotency_record")).isEqualTo(BURST);
        // one phone, one device: the first bind binds its key, every later one finds that binding and uses it again
        assertThat(rows("key_binding")).as("one binding").isEqualTo(1);
        assertThat(rows("key_binding_event")).as("bound once, then used by every other bind").isEqualTo(BURST);
    }

    @Test
    void aBurstAboveProvesRateIsServedOrRefusedWithRetryAfterNeverFailed() throws Exception {
        sandbox.settings(Map.of("rateLimitPerSecond", 25));
        gateway = new SecondServer("prove-burst", SANDBOX); // production defaults: 25/s, max-wait 2 s
        gateway.start();

        List<Response> answers = burstOfStarts();
        long created = answers.stream().filter(answer -> answer.statusCode() == 201).count();
        List<Response> refused = answers.stream().filter(answer -> answer.statusCode() != 201).toList();
        System.out.println("BurstIT at 25/s: " + statuses(answers));
        assertThat(created).as("the rate limit's waiting room served more than one second's worth")
                .isGreaterThan(25);
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.getHeader("Retry-After")).isNotBlank();
            assertThat(answer.jsonPath().getString("type")).isEqualTo(TYPES + "prove-rate-limited");
        });
        for (String endpoint : new String[] {"/token", "/v3/unify"}) {
            assertThat(given().get(SANDBOX + "/control/calls" + endpoint).then().statusCode(200).extract()
                    .jsonPath().getMap("statuses")).as("Prove never refused a call to " + endpoint)
                    .doesNotContainKey("429");
        }
        assertThat((long) sandbox.answered("/v3/unify")).isEqualTo(created);

        if (!gateway.postgresql()) {
            gateway.stop();
        }
        assertThat(rows("flow_session")).isEqualTo(created);
        assertThat(rows("idempotency_record")).as("refused starts leave no Idempotency-Key record").isEqualTo(created);
        assertThat(rows("key_binding")).isZero();
    }
}
