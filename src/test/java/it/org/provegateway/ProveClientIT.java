package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.org.provegateway.support.ProveClientProbe;
import it.org.provegateway.support.Sandbox;

/**
 * The gateway's Prove API client (MicroProfile REST Client, token cache, error mapping) talking HTTP to the
 * deployed emulator: every sandbox user's first step, and every error code mapped to the right typed exception,
 * table-driven. The client runs inside Liberty in a test-only WAR; the table lives here.
 */
class ProveClientIT extends GatewayIT {

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @Deployment(name = "client-probe", testable = false, order = 3)
    public static WebArchive clientProbe() {
        return ShrinkWrap.create(WebArchive.class, "client-probe.war")
                .addPackages(true, "org.provegateway.proveapi")
                .addClasses(ProveClientProbe.class, ProveClientProbe.ProbeApplication.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                // The client bare, as it answers: the gateway's fault tolerance (retries of unify-status, circuit
                // breakers) would hide what these tests look at; ProveOutageIT checks it through the gateway.
                .addAsResource(new StringAsset("MP_Fault_Tolerance_NonFallback_Enabled=false\n"),
                        "META-INF/microprofile-config.properties");
    }

    @BeforeEach
    void freshProve() {
        sandbox.reset();
    }

    static JsonPath call(String operation, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(HOST + "/client-probe/call/" + operation).then()
                .statusCode(200).extract().jsonPath();
    }

    record Case(String name, String operation, Object body, String outcome, String exception, Integer status,
            Integer code) {
    }

    static Map<String, Object> unify(String phone, String type) {
        return "desktop".equals(type)
                ? Map.of("possessionType", type, "clientRequestId", "it-" + phone, "phoneNumber", phone,
                        "finalTargetUrl", "https://www.prove.com")
                : Map.of("possessionType", type, "clientRequestId", "it-" + phone, "phoneNumber", phone);
    }

    @Test
    void everyUnifyTestUserStartsAFlowAndUnknownNumbersAreRefused() {
        List<String> users = List.of("2001004018", "+2001004029", "2001004014", "2001004015", "+2001004025",
                "+2001004026", "2001004016", "2001004017", "2001004041", "+2001004027", "+2001004028",
                "+2001004043", "+12001004014");
        SoftAssertions soft = new SoftAssertions();
        for (String phone : users) {
            for (String type : List.of("mobile", "desktop", "none")) {
                JsonPath answer = call("unify", unify(phone, type));
                soft.assertThat(answer.getString("outcome")).as(phone + " " + type).isEqualTo("ok");
                soft.assertThat(answer.getString("response.success")).as(phone + " " + type).isEqualTo("pending");
                soft.assertThat(answer.getString("response.correlationId")).as(phone + " " + type)
                        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                soft.assertThat(answer.getString("response.authToken")).as(phone + " " + type).isNotBlank();
            }
        }
        soft.assertAll();
        assertThat(sandbox.calls("/token")).as("one token for all of them").isEqualTo(1);
    }

    @Test
    void everyErrorCodeBecomesTheRightTypedException() {
        String mobileFlow = call("unify", unify("2001004014", "mobile")).getString("response.correlationId");
        String unknownFlow = "00000000-0000-4000-8000-000000000000";
        List<Case> cases = List.of(
                new Case("8007 unknown number", "unify", unify("2125550100", "mobile"), "error",
                        "ProveBadRequestException", 400, 8007),
                new Case("1001 missing possessionType", "unify", Map.of("clientRequestId", "x",
                        "phoneNumber", "2001004014"), "error", "ProveBadRequestException", 400, 1001),
                new Case("1001 missing finalTargetUrl", "unify", Map.of("clientRequestId", "x", "phoneNumber",
                        "2001004014", "possessionType", "desktop"), "error", "ProveBadRequestException", 400, 1001),
                new Case("8001 bad finalTargetUrl", "unify", Map.of("clientRequestId", "x", "phoneNumber",
                        "2001004014", "possessionType", "desktop", "finalTargetUrl", "https://x.com/<b>"), "error",
                        "ProveBadRequestException", 400, 8001),
                new Case("8001 malformed correlationId", "unify-status", Map.of("correlationId", "nope"), "error",
                        "ProveBadRequestException", 400, 8001),
                new Case("8008 unknown correlationId", "unify-status", Map.of("correlationId", unknownFlow),
                        "error", "ProveBadRequestException", 400, 8008),
                new Case("1003 bind on a mobile flow", "unify-bind", Map.of("correlationId", mobileFlow,
                        "phoneNumber", "2001004014"), "error", "ProveForbiddenException", 403, 1003),
                new Case("1003 validate on a unify flow", "validate", Map.of("correlationId", mobileFlow), "error",
                        "ProveForbiddenException", 403, 1003),
                new Case("404 revoke unknown device", "device-revoke", Map.of("clientRequestId", "x", "deviceId",
                        "no-such-device"), "error", "ProveNotFoundException", 404, 8010),
                new Case("8009 identity start with a unify user", "start", Map.of("flowType", "mobile",
                        "phoneNumber", "2001004014"), "error", "ProveBadRequestException", 400, 8009),
                new Case("8009 unify with an identity user", "unify", unify("2001004000", "mobile"), "error",
                        "ProveBadRequestException", 400, 8009),
                new Case("8007 identity start with no test user", "start", Map.of("flowType", "mobile",
                        "phoneNumber", "2125550100"), "error", "ProveBadRequestException", 400, 8007),
                new Case("1001 start without flowType", "start", Map.of("phoneNumber", "2001001695"), "error",
                        "ProveBadRequestException", 400, 1001));
        SoftAssertions soft = new SoftAssertions();
        for (Case c : cases) {
            JsonPath answer = call(c.operation(), c.body());
            soft.assertThat(answer.getString("outcome")).as(c.name()).isEqualTo(c.outcome());
            soft.assertThat(answer.getString("exception")).as(c.name()).isEqualTo(c.exception());
            soft.assertThat(answer.getObject("status", Integer.class)).as(c.name()).isEqualTo(c.status());
            soft.assertThat(answer.getObject("code", Integer.class)).as(c.name()).isEqualTo(c.code());
            soft.assertThat(answer.getBoolean("transient")).as(c.name()).isFalse();
        }
        soft.assertAll();
    }

    @Test
    void failureReasonsInTheEvaluationSurviveTheClient() {
        JsonPath started = call("unify", unify("2001004015", "mobile"));
        sandbox.clientStep(started.getString("response.authToken"), "otp", Map.of("otp", "1111")).then()
                .statusCode(200);
        JsonPath status = call("unify-status", Map.of("correlationId", started.getString("response.correlationId")));
        assertThat(status.getString("response.success")).isEqualTo("false");
        assertThat(status.getString("response.evaluation.authentication.result")).isEqualTo("fail");
        assertThat(status.getMap("response.evaluation.authentication.failureReasons")).containsKey("9100");
    }

    @Test
    void identityFlowForTheShortTermUserPassesEveryStep() {
        JsonPath started = call("start", Map.of("flowType", "mobile", "phoneNumber", "2001004000",
                "finalTargetUrl", "https://prove.com"));
        assertThat(started.getMap("response.next")).containsEntry("v3-validate", "/v3/validate");
        String id = started.getString("response.correlationId");
        JsonPath validated = call("validate", Map.of("correlationId", id));
        assertThat(validated.getMap("")).containsEntry("outcome", "ok");
        assertThat(validated.getBoolean("response.success")).isTrue();
        assertThat(validated.getBoolean("response.challengeMissing")).isFalse();
        assertThat(validated.getMap("response.next")).containsKey("v3-complete");
        JsonPath completed = call("complete", Map.of("correlationId", id, "individual",
                Map.of("firstName", "Martina", "lastName", "Goodram")));
        assertThat(completed.getBoolean("response.success")).isTrue();
        assertThat(completed.getMap("response.next")).containsEntry("done", "done");
        assertThat(completed.getString("response.evaluation.identification.result")).isEqualTo("pass");
    }

    @Test
    void aFlowOlderThanItsTimeToLiveIsAnInvalidCorrelationId() throws InterruptedException {
        sandbox.settings(Map.of("flowTtlSeconds", 1));
        String id = call("unify", unify("2001004014", "mobile")).getString("response.correlationId");
        Thread.sleep(1500);
        JsonPath expired = call("unify-status", Map.of("correlationId", id));
        assertThat(expired.getString("exception")).isEqualTo("ProveBadRequestException");
        assertThat(expired.getInt("code")).isEqualTo(8008);
    }

    @Test
    void rateLimitingIsARateLimitedExceptionWithRetryAfter() {
        sandbox.settings(Map.of("rateLimitPerSecond", 2));
        boolean limited = false;
        for (int i = 0; i < 6 && !limited; i++) {
            JsonPath answer = call("unify-status", Map.of("correlationId", "00000000-0000-4000-8000-000000000000"));
            if ("ProveRateLimitedException".equals(answer.getString("exception"))) {
                limited = true;
                assertThat(answer.getInt("status")).isEqualTo(429);
                assertThat(answer.getLong("retryAfterSeconds")).isEqualTo(1);
                assertThat(answer.getBoolean("transient")).isTrue();
            }
        }
        assertThat(limited).as("the emulator's 25-per-second rule, lowered to 2, was applied").isTrue();
    }

    @Test
    void serverErrorsDroppedConnectionsAndTimeoutsAreTyped() {
        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "status", 503, "retryAfterSeconds", 7));
        JsonPath unavailable = call("unify", unify("2001004014", "mobile"));
        assertThat(unavailable.getString("exception")).isEqualTo("ProveServerException");
        assertThat(unavailable.getInt("status")).isEqualTo(503);
        assertThat(unavailable.getLong("retryAfterSeconds")).isEqualTo(7);
        assertThat(unavailable.getBoolean("transient")).isTrue();

        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "status", 500));
        JsonPath failed = call("unify", unify("2001004014", "mobile"));
        assertThat(failed.getString("exception")).isEqualTo("ProveServerException");
        assertThat(failed.getInt("status")).isEqualTo(500);
        assertThat(failed.getInt("code")).isEqualTo(8000);

        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "drop", true));
        JsonPath dropped = call("unify", unify("2001004014", "mobile"));
        assertThat(dropped.getString("exception")).isEqualTo("ProveUnavailableException");

        int before = sandbox.calls("/v3/unify");
        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "delayMillis", 4000));
        JsonPath slow = call("unify", unify("2001004014", "mobile"));
        assertThat(slow.getString("exception")).isEqualTo("ProveTimeoutException");
        assertThat(slow.getBoolean("timeout")).isTrue();
        // The emulator counts the slow call when it has answered (after 4 s): wait for it, so that it cannot land
        // in the next test's counters.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sandbox.calls("/v3/unify") == before && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        assertThat(call("unify", unify("2001004014", "mobile")).getString("outcome")).as("recovers").isEqualTo("ok");
    }

    @Test
    void a401EvictsTheTokenAndRetriesOnceButNotTwice() {
        call("unify", unify("2001004014", "mobile"));
        int tokens = sandbox.calls("/token");
        int unifies = sandbox.calls("/v3/unify");

        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 1, "status", 401, "code", 8002));
        assertThat(call("unify", unify("2001004014", "mobile")).getString("outcome")).isEqualTo("ok");
        assertThat(sandbox.calls("/token")).as("one refresh after the 401").isEqualTo(tokens + 1);

        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 2, "status", 401, "code", 8002));
        JsonPath refused = call("unify", unify("2001004014", "mobile"));
        assertThat(refused.getString("exception")).isEqualTo("ProveUnauthorizedException");
        assertThat(refused.getInt("code")).isEqualTo(8002);
        assertThat(sandbox.calls("/v3/unify")).as("one retry each time, never more").isEqualTo(unifies + 2 + 2);
        assertThat(sandbox.calls("/token")).as("one refresh per retry").isEqualTo(tokens + 2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
