package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.Tables;

/**
 * The gateway keeps its calls to Prove under Prove's rate limit. Driven well above its limit (10 per second in
 * the test server, Prove's 25 in production), Prove (the emulator, set to the same limit) never answers 429: every
 * start either gets its 201 or the documented {@code 503 prove-rate-limited} with Retry-After (the gateway's share of
 * Prove's rate is used up and the wait for a turn would be longer than {@code prove.api.rate-limit.max-wait}), never
 * {@code prove-unavailable}, and every 201 is one session row and one call Prove answered.
 */
class RateLimitIT extends GatewayIT {

    static final String TYPES = "https://prove-gateway.dev/problems/";
    static final String POSSESSION = "{\"phoneNumber\":\"2001004014\",\"possessionType\":\"mobile\"}";
    static final String IDENTITY = "{\"phoneNumber\":\"2001001695\",\"flowType\":\"mobile\"}";

    /** prove.api.rate-limit in src/test/liberty/test.xml. */
    static final int LIMIT = 10;

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @BeforeEach
    void freshProveAndDatabase() {
        sandbox.reset();
        Tables.reset(db, Tables.FLOWS);
    }

    @Test
    void aBurstFarAboveProvesLimitNeverReachesProveAsA429() throws Exception {
        // test.xml gives the gateway a limit of 10 per second (Prove's is 25), so that even a slow machine drives
        // it above; the emulator enforces the same limit, as Prove enforces 25.
        sandbox.settings(Map.of("rateLimitPerSecond", LIMIT));
        // 30 clients starting possession flows and 30 starting identity flows, as fast as they are answered, for
        // 4 s. Both operations share the one rate limit, whose queue (10 calls per 1.05 s after their ends) grows
        // beyond its 2 s bound (503 prove-rate-limited).
        long end = System.nanoTime() + 4_000_000_000L;
        List<Callable<List<Response>>> loops = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String path = i % 2 == 0 ? "/possession-flows" : "/identity-flows";
            String body = i % 2 == 0 ? POSSESSION : IDENTITY;
            loops.add(() -> {
                List<Response> answers = new ArrayList<>();
                while (System.nanoTime() < end) {
                    answers.add(given().contentType(ContentType.JSON).body(body).post(API + path));
                }
                return answers;
            });
        }
        long began = System.nanoTime();
        List<Response> answers = Parallel.run(loops).stream().flatMap(List::stream).toList();
        double took = (System.nanoTime() - began) / 1e9;

        long created = answers.stream().filter(answer -> answer.statusCode() == 201).count();
        List<Response> refused = answers.stream().filter(answer -> answer.statusCode() != 201).toList();
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.getHeader("Retry-After")).isNotBlank();
            assertThat(answer.jsonPath().getString("type")).isEqualTo(TYPES + "prove-rate-limited");
        });
        assertThat(refused).as("the gateway's own limit refused some starts").isNotEmpty();

        for (String endpoint : new String[] {"/token", "/v3/unify", "/v3/start"}) {
            assertThat(given().get(SANDBOX + "/control/calls" + endpoint).then().statusCode(200).extract()
                    .jsonPath().getMap("statuses")).as("Prove never refused a call to " + endpoint)
                    .doesNotContainKey("429");
        }
        assertThat((long) sandbox.answered("/v3/unify") + sandbox.answered("/v3/start")).isEqualTo(created);
        assertThat(db.count("SELECT COUNT(*) FROM flow_session")).isEqualTo(created);
        // driven above the limit, kept within it: at most 25 per started second plus one window's worth
        assertThat((double) answers.size()).as("asked for more than the limit").isGreaterThan(LIMIT * took);
        assertThat((double) created).isLessThanOrEqualTo(25 * (Math.ceil(took) + 1));
    }
}
