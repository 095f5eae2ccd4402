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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.Tables;

/**
 * The gateway's Prove token under load, counted at the emulator: a burst of flow starts that all need a new token
 * costs one {@code /token} call, and Prove rejecting a token (401) costs one refresh and one repeat per rejected
 * call, never a storm of token requests.
 */
class TokenIT extends GatewayIT {

    static final String POSSESSION = "{\"phoneNumber\":\"2001004014\",\"possessionType\":\"mobile\"}";
    static final String IDENTITY = "{\"phoneNumber\":\"2001001695\",\"flowType\":\"mobile\"}";

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @BeforeEach
    void freshProveAndDatabase() {
        sandbox.reset();
        Tables.reset(db, Tables.FLOWS);
    }

    static Response start(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(API + path);
    }

    Map<String, Object> calls(String endpoint) {
        return given().get(SANDBOX + "/control/calls" + endpoint).then().statusCode(200).extract().jsonPath()
                .getMap("statuses");
    }

    void clearCounters() {
        given().delete(SANDBOX + "/control/calls").then().statusCode(204);
    }

    /**
     * 25 possession and 25 identity starts at once. The test server's rate
     * limit (10 calls per 1.05 s, test.xml) lets about 20 of them through within its 2 s wait; the others get the
     * documented 503 prove-rate-limited, without calling Prove. Every start asks for the token first, so all 50
     * need it at the same moment.
     */
    static List<Response> fiftyStarts() throws Exception {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            calls.add(() -> start("/possession-flows", POSSESSION));
            calls.add(() -> start("/identity-flows", IDENTITY));
        }
        return Parallel.run(calls);
    }

    /** Every answer is a 201 or the documented 503 of the gateway's own rate limit; answers how many started. */
    static long startedOrThrottled(List<Response> answers) {
        assertThat(answers).allSatisfy(answer -> {
            if (answer.statusCode() != 201) {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
                assertThat(answer.jsonPath().getString("type"))
                        .isEqualTo("https://prove-gateway.dev/problems/prove-rate-limited");
                assertThat(answer.getHeader("Retry-After")).isNotBlank();
            }
        });
        long created = answers.stream().filter(answer -> answer.statusCode() == 201).count();
        // About 20 fit into the 2 s wait on a quiet machine; on a loaded one (13 measured with a second Liberty
        // running beside) part of the second window passes before the calls arrive. Half of it still shows the
        // waiting room at work: without it only the first window's calls would be served.
        assertThat(created).as("the limit's share of the burst got through").isGreaterThanOrEqualTo(10);
        return created;
    }

    @Test
    void fiftyParallelStartsNeedingANewTokenCauseExactlyOneTokenCall() throws Exception {
        // A token that the gateway will regard as stale within a second (its refresh margin exceeds the lifetime,
        // so it uses half of it): the next burst finds the cache needing a new token, as on a fresh start.
        sandbox.settings(Map.of("tokenTtlSeconds", 2));
        start("/possession-flows", POSSESSION).then().statusCode(201);
        Thread.sleep(1_500);
        sandbox.settings(Map.of("tokenTtlSeconds", 3600));
        clearCounters();
        db.update("DELETE FROM flow_session");

        List<Response> answers = fiftyStarts();

        long created = startedOrThrottled(answers);
        assertThat(sandbox.calls("/token")).as("one token for the whole burst").isEqualTo(1);
        assertThat(calls("/v3/unify")).as("no call was sent with a stale token").containsOnlyKeys("200");
        assertThat(calls("/v3/start")).containsOnlyKeys("200");
        assertThat((long) sandbox.calls("/v3/unify") + sandbox.calls("/v3/start")).isEqualTo(created);
        assertThat(db.count("SELECT COUNT(*) FROM flow_session")).isEqualTo(created);
    }

    @Test
    void oneRejectedTokenCausesOneRefreshAndOneRepeat() {
        start("/possession-flows", POSSESSION).then().statusCode(201); // the gateway holds a good token
        clearCounters();
        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "status", 401, "code", 8002));

        JsonPath started = start("/possession-flows", POSSESSION).then().statusCode(201).extract().jsonPath();

        assertThat(sandbox.calls("/token")).as("one refresh").isEqualTo(1);
        assertThat(calls("/v3/unify")).as("the rejected call and its one repeat").containsEntry("401", 1)
                .containsEntry("200", 1).hasSize(2);
        assertThat(db.single("SELECT state FROM flow_session WHERE id = ?", started.getString("flowId")))
                .containsEntry("state", "PENDING");
        assertThat(db.count("SELECT COUNT(*) FROM flow_session")).isEqualTo(2);
    }

    @Test
    void aTokenRejectedUnderLoadIsRefreshedOnceNotPerRequest() throws Exception {
        start("/possession-flows", POSSESSION).then().statusCode(201);
        // Prove forgets every token (as after a key rotation): every call in the burst carries a rejected token.
        sandbox.reset();
        db.update("DELETE FROM flow_session");

        List<Response> answers = fiftyStarts();

        long created = startedOrThrottled(answers);
        assertThat(sandbox.calls("/token")).as("one refresh for all rejected calls").isEqualTo(1);
        assertThat((long) sandbox.answered("/v3/unify") + sandbox.answered("/v3/start")).isEqualTo(created);
        Map<String, Object> unify = calls("/v3/unify");
        Map<String, Object> start = calls("/v3/start");
        int rejected = ((Number) unify.getOrDefault("401", 0)).intValue()
                + ((Number) start.getOrDefault("401", 0)).intValue();
        assertThat(rejected).as("rejected calls (each at most once)").isBetween(1, (int) created);
        assertThat(db.count("SELECT COUNT(*) FROM flow_session")).isEqualTo(created);
    }
}
