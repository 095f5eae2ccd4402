package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static it.org.provegateway.support.TestUsers.BENJI;
import static it.org.provegateway.support.TestUsers.LORANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import it.org.provegateway.support.Eventually;
import it.org.provegateway.support.GatewayNodes;
import it.org.provegateway.support.LibertyServer;
import it.org.provegateway.support.Metrics;
import it.org.provegateway.support.Sandbox;

/**
 * Two gateway nodes on one PostgreSQL schema and one Prove (the emulator), as a bank runs them behind its load
 * balancer ({@link GatewayNodes}: the production WAR and server.xml with the integration-test overlay). No
 * stickiness: the test sends each call to the node it chooses. Both nodes have {@code prove.api.rate-limit.nodes=2}
 * (each keeps to 5 of the test overlay's 10 calls per second), a binding-health lease of 10 s and a 10 s read
 * timeout for Prove calls.
 *
 * <p>Runs in the PostgreSQL pass only (embedded Derby cannot be shared by two JVMs). Every test starts with both
 * nodes running (a node a test killed is started again) and the shared tables empty.
 */
class NodesIT extends GatewayIT {

    static final String TYPES = "https://prove-gateway.dev/problems/";
    static final Duration LEASE = Duration.ofSeconds(10);
    /** Liberty's messages.log line of a warning or an error: {@code [time] thread logger W|E message}. */
    static final Pattern WARNING_OR_ERROR = Pattern.compile("^\\[[^\\]]+\\] [0-9a-f]{8} \\S+\\s+[WE] .*");
    /**
     * RESTEasy's note when the gateway builds its Prove client (ProveClients turns the default exception mapper off
     * on purpose: ProveErrorMapper replaces it), written at a node's first Prove call, so inside whichever test
     * makes it.
     */
    static final String REST_CLIENT_BUILT = "The default ResponseExceptionMapper has been disabled";

    static GatewayNodes cluster;
    final Sandbox sandbox = new Sandbox(SANDBOX);
    String a;
    String b;
    final Map<String, Integer> logMarks = new HashMap<>();

    @BeforeAll
    static void twoNodes() {
        long began = System.nanoTime();
        // The test overlay's 3 s read timeout is for timeout tests; here one emulator answers two nodes' bursts on a
        // shared CI machine, and a slow answer is not what these tests are about.
        cluster = new GatewayNodes(SANDBOX, Map.of("prove.api.rate-limit.nodes", "2",
                "binding-health.lock-lease", "PT" + LEASE.toSeconds() + "S", "prove.api.read-timeout", "PT10S",
                "org.provegateway.proveapi.ProveApi/unify/Timeout/value", "12000"), "node-a", "node-b");
        cluster.startAll(); // both at once on an empty schema: Flyway's lock lets one of them migrate it
        log("both nodes ready", began);
    }

    @AfterAll
    static void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void bothRunningAndEmpty() {
        long began = System.nanoTime();
        cluster.startAll();
        log("nodes running", began);
        a = cluster.api("node-a");
        b = cluster.api("node-b");
        sandbox.reset();
        for (String table : List.of("key_binding_event", "key_binding", "flow_session", "idempotency_record",
                "audit_event", "binding_health_run")) {
            cluster.update("DELETE FROM " + table);
        }
        cluster.update("UPDATE job_lock SET owner = NULL");
        for (String node : List.of("node-a", "node-b")) {
            logMarks.put(node, cluster.node(node).messages().size());
        }
    }

    static void log(String step, long began) {
        System.out.printf("NodesIT: %s after %d ms%n", step, (System.nanoTime() - began) / 1_000_000);
    }

    // ---- calls ---------------------------------------------------------------------------------------------

    /**
     * A caller that honours {@code 503 prove-rate-limited}: it comes back after {@code Retry-After}, as the API asks
     * (the nodes' share of Prove's rate is 5 calls a second; tests with several flows at once can exceed it).
     */
    static Response honouringRetryAfter(Callable<Response> call) {
        try {
            for (int attempt = 1; ; attempt++) {
                Response answer = call.call();
                if (answer.statusCode() != 503 || attempt == 10
                        || !(TYPES + "prove-rate-limited").equals(answer.jsonPath().getString("type"))) {
                    return answer;
                }
                Thread.sleep(Long.parseLong(answer.getHeader("Retry-After")) * 1000);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Response startPossession(String api, String key, String phone, String type, String customer) {
        Map<String, Object> body = new HashMap<>(Map.of("phoneNumber", phone, "possessionType", type));
        if (customer != null) {
            body.put("customerReference", customer);
        }
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(api + "/possession-flows");
    }

    /** The flow's outcome read from Prove: {@code POST .../result}, or GET on a gateway without it. */
    static Response outcome(String api, String flowId) {
        Response outcome = given().contentType(ContentType.JSON).body("{}")
                .post(api + "/possession-flows/" + flowId + "/result");
        if (outcome.statusCode() == 404 && (TYPES + "not-found").equals(outcome.jsonPath().getString("type"))) {
            outcome = given().get(api + "/possession-flows/" + flowId);
        }
        return outcome;
    }

    /** A mobile flow for Lorant started on one node, its OTP step done, its outcome read on another. */
    String verifiedFlow(String startOn, String finishOn, String device, String customer) {
        JsonPath started = honouringRetryAfter(() -> startPossession(startOn, null, LORANT, "mobile", customer))
                .then().statusCode(201).extract().jsonPath();
        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("device", device, "otp", "1234")).then()
                .statusCode(200);
        String flowId = started.getString("flowId");
        honouringRetryAfter(() -> outcome(finishOn, flowId)).then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
        return flowId;
    }

    /** Every change of the feed after {@code cursor} (null: from the start), read page by page on {@code api}. */
    static List<JsonPath> feedPages(String api, String cursor) {
        List<JsonPath> pages = new ArrayList<>();
        while (true) {
            var request = given().queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.get(api + "/key-bindings/changes").then().statusCode(200).extract().jsonPath();
            pages.add(page);
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return pages;
            }
        }
    }

    static Map<Integer, Long> statuses(List<Response> answers) {
        return answers.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
    }

    /** No WARNING or ERROR line on either node since the test began, but for lines containing {@code expected}. */
    void assertNothingLogged(String... expected) {
        for (String node : List.of("node-a", "node-b")) {
            List<String> lines = cluster.node(node).messages();
            List<String> bad = lines.subList(Math.min(logMarks.get(node), lines.size()), lines.size()).stream()
                    .filter(line -> WARNING_OR_ERROR.matcher(line).matches())
                    .filter(line -> !line.contains(REST_CLIENT_BUILT))
                    .filter(line -> List.of(expected).stream().noneMatch(line::contains)).toList();
            assertThat(bad).as("warnings and errors in %s's messages.log", node).isEmpty();
        }
    }

    static String sqlTime(Instant instant) {
        return "CAST('" + java.time.LocalDateTime.ofInstant(instant, java.time.ZoneId.systemDefault())
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "' AS TIMESTAMP)";
    }

    // ---- 1. flows across nodes -----------------------------------------------------------------------------

    @Test
    void aPossessionFlowStartedOnOneNodeFinishesOnTheOtherAndAnIdentityFlowAlternatesNodes() {
        String customer = "CUST-" + UUID.randomUUID();
        String flowId = verifiedFlow(a, b, "nodes-phone", customer);
        given().get(a + "/possession-flows/" + flowId).then().statusCode(200).body("status", equalTo("VERIFIED"));
        given().contentType(ContentType.JSON).body(Map.of("customerReference", customer))
                .post(b + "/key-bindings/search").then().statusCode(200)
                .body("size()", equalTo(1));

        JsonPath identity = given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", BENJI, "flowType", "mobile")).post(a + "/identity-flows").then()
                .statusCode(201).extract().jsonPath();
        String identityId = identity.getString("flowId");
        sandbox.clientStep(identity.getString("authToken"), "otp", Map.of("otp", "1234")).then().statusCode(200);
        given().contentType(ContentType.JSON).post(b + "/identity-flows/" + identityId + "/validate").then()
                .statusCode(200).body("status", equalTo("VALIDATED"));
        given().contentType(ContentType.JSON).body(Map.of("individual", Map.of("firstName", "Benji",
                "lastName", "Harper", "dob", "1994-09-02", "ssn", "565252770", "addresses",
                List.of(Map.of("address", "27 Financial Place", "city", "Bakersfield", "region", "CA",
                        "postalCode", "93301-2425")), "emailAddresses", List.of("bharperd@superstars.com"))))
                .post(a + "/identity-flows/" + identityId + "/complete").then().statusCode(200)
                .body("status", equalTo("IDENTITY_VERIFIED"));
        // a step already done is refused on either node
        given().contentType(ContentType.JSON).post(b + "/identity-flows/" + identityId + "/validate").then()
                .statusCode(409);
        assertThat(sandbox.calls("/v3/validate")).isEqualTo(1);
        assertThat(sandbox.calls("/v3/complete")).isEqualTo(1);
        assertNothingLogged();
    }

    // ---- 2. one Idempotency-Key on both nodes at once ------------------------------------------------------

    @Test
    void theSameIdempotencyKeyOnBothNodesAtOnceStartsOneFlowAndAnswersTheSameTwice() throws Exception {
        int keys = 6;
        for (int i = 0; i < keys; i++) {
            String key = UUID.randomUUID().toString();
            List<Callable<Response>> pair = List.of(() -> startPossession(a, key, LORANT, "none", "IDEM"),
                    () -> startPossession(b, key, LORANT, "none", "IDEM"));
            List<Response> answers = Parallel.run(pair);
            assertThat(statuses(answers)).isEqualTo(Map.of(201, 2L));
            assertThat(answers.get(0).asString()).isEqualTo(answers.get(1).asString());
            assertThat(answers.stream().filter(answer -> "true".equals(answer.getHeader("Idempotent-Replayed"))))
                    .as("one answer is the other's replay").hasSize(1);
        }
        assertThat(sandbox.answered("/v3/unify")).as("one Prove call per key").isEqualTo(keys);
        assertThat(cluster.count("SELECT COUNT(*) FROM flow_session")).isEqualTo(keys);
        assertThat(cluster.count("SELECT COUNT(*) FROM idempotency_record")).isEqualTo(keys);
        assertNothingLogged();
    }

    // ---- 3. the rate limit split between the nodes ---------------------------------------------------------

    List<Response> burst(Map<String, Integer> perNode) throws Exception {
        List<Callable<Response>> starts = new ArrayList<>();
        perNode.forEach((api, n) -> {
            for (int i = 0; i < n; i++) {
                starts.add(() -> startPossession(api, UUID.randomUUID().toString(), LORANT, "none", null));
            }
        });
        return Parallel.run(starts);
    }

    void assertServedOrRateLimited(List<Response> answers) {
        assertThat(answers).allSatisfy(answer -> {
            if (answer.statusCode() != 201) {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
                assertThat(answer.jsonPath().getString("type")).isEqualTo(TYPES + "prove-rate-limited");
                assertThat(answer.getHeader("Retry-After")).isNotBlank();
            }
        });
    }

    void assertProveNeverRefused() {
        for (String endpoint : new String[] {"/token", "/v3/unify"}) {
            Response calls = given().get(SANDBOX + "/control/calls" + endpoint);
            if (calls.statusCode() != 404) {
                assertThat(calls.then().statusCode(200).extract().jsonPath().getMap("statuses"))
                        .as("Prove never refused a call to " + endpoint).doesNotContainKey("429");
            }
        }
    }

    @Test
    void loadOnBothNodesStaysUnderProvesLimitAndANodeWithinItsShareIsNeverRefused() throws Exception {
        sandbox.settings(Map.of("rateLimitPerSecond", 10)); // Prove's limit = the nodes' prove.api.rate-limit

        // both nodes above their share at once: Prove never sees more than its 10 per second
        long began = System.nanoTime();
        List<Response> both = burst(Map.of(a, 30, b, 30));
        double bothSeconds = (System.nanoTime() - began) / 1e9;
        assertServedOrRateLimited(both);
        assertProveNeverRefused();
        long servedBoth = both.stream().filter(answer -> answer.statusCode() == 201).count();
        assertThat((long) sandbox.answered("/v3/unify")).isEqualTo(servedBoth);

        // one node at its share (4 starts a second) while the other idles: nothing refused
        sandbox.reset();
        sandbox.settings(Map.of("rateLimitPerSecond", 10));
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(4);
        List<CompletableFuture<Response>> paced = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                CompletableFuture<Response> answer = new CompletableFuture<>();
                paced.add(answer);
                pacer.schedule(() -> answer.complete(startPossession(a, UUID.randomUUID().toString(), LORANT, "none",
                        null)), i * 250L, TimeUnit.MILLISECONDS);
            }
            List<Response> answers = paced.stream().map(CompletableFuture::join).toList();
            assertThat(statuses(answers)).as("a node within its share is never refused").isEqualTo(Map.of(201, 20L));
        } finally {
            pacer.shutdownNow();
        }

        // the same burst on one node while the other idles: the static split's cost, measured
        sandbox.reset();
        sandbox.settings(Map.of("rateLimitPerSecond", 10));
        began = System.nanoTime();
        List<Response> alone = burst(Map.of(a, 30));
        double aloneSeconds = (System.nanoTime() - began) / 1e9;
        assertServedOrRateLimited(alone);
        assertProveNeverRefused();
        long servedAlone = alone.stream().filter(answer -> answer.statusCode() == 201).count();
        System.out.printf("NodesIT rate split (10/s shared by 2 nodes, max-wait 2 s): both nodes loaded: %d of 60"
                + " served in %.1f s; one node loaded, the other idle: %d of 30 served in %.1f s%n", servedBoth,
                bothSeconds, servedAlone, aloneSeconds);
        assertThat(servedAlone).as("one node alone gets only its share").isLessThan(servedBoth);
    }

    // ---- 4. the binding-health job on both nodes -----------------------------------------------------------

    static final int BINDINGS = 60_000;

    void seedBindings() {
        Instant now = Instant.now();
        String old = sqlTime(now.atZone(java.time.ZoneOffset.UTC).minusMonths(13).toInstant());
        String warn = sqlTime(now.atZone(java.time.ZoneOffset.UTC).minusMonths(12).plusDays(20).toInstant());
        String fresh = sqlTime(now.minus(Duration.ofDays(1)));
        int inserted = cluster.update("INSERT INTO key_binding (id, device_id, active_device_id, phone_number, state,"
                + " bound_at, last_used_at, state_changed_at, version)"
                + " SELECT 'nh-' || LPAD(i::text, 5, '0'), 'nh-device-' || i, 'nh-device-' || i,"
                + " '+1999' || LPAD(i::text, 7, '0'), 'ACTIVE', t, t, t, 0 FROM (SELECT i, CASE WHEN i % 50 = 0 THEN "
                + old + " WHEN i % 50 = 1 THEN " + warn + " ELSE " + fresh + " END AS t"
                + " FROM generate_series(0, " + (BINDINGS - 1) + ") AS i) seed");
        assertThat(inserted).isEqualTo(BINDINGS);
    }

    static JsonPath run(String api, String runId) {
        return given().get(api + "/binding-health/runs/" + runId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theBindingHealthJobRunsOnceAcrossNodesAndAKilledNodesRunIsContinuedByTheOther() throws Exception {
        seedBindings();
        List<Response> starts = Parallel.run(List.of(() -> given().post(a + "/binding-health/runs"),
                () -> given().post(b + "/binding-health/runs")));
        assertThat(statuses(starts)).as("one start runs, the other is refused").isEqualTo(Map.of(202, 1L, 409, 1L));
        Response refused = starts.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
        assertThat(refused.jsonPath().getString("type")).isEqualTo(TYPES + "job-running");
        boolean onA = starts.get(0).statusCode() == 202;
        String worker = onA ? "node-a" : "node-b";
        String other = onA ? b : a;
        String runId = starts.get(onA ? 0 : 1).jsonPath().getString("runId");

        // kill -9 the working node once some chunks are committed and before the run ends
        long checked = Eventually.get(Duration.ofSeconds(90), "a few chunks committed", () -> {
            long done = cluster.count("SELECT checked FROM binding_health_run WHERE id = '" + runId + "'");
            return done >= 5_000 ? done : null;
        });
        cluster.node(worker).kill();
        long began = System.nanoTime();
        JsonPath killed = run(other, runId);
        System.out.printf("NodesIT: killed %s after %d (now %d) of %d bindings%n", worker, checked,
                killed.getLong("counts.checked"), BINDINGS);
        assertThat(killed.getString("status")).as("the run was cut off").isEqualTo("STARTED");
        assertThat(killed.getLong("counts.checked")).isLessThan(BINDINGS);
        given().post(other + "/binding-health/runs").then().statusCode(409)
                .body("type", equalTo(TYPES + "job-running"));

        // after the lease, the other node continues the run from its checkpoint
        JsonPath continued = Eventually.get(LEASE.plusSeconds(30), "the lease expired", () -> {
            Response answer = given().post(other + "/binding-health/runs");
            return answer.statusCode() == 202 ? answer.jsonPath() : null;
        });
        log("continued after the killed node's lease", began);
        assertThat(continued.getString("runId")).isEqualTo(runId);
        assertThat(continued.getBoolean("continued")).isTrue();
        assertCompletedExactlyOnce(other, runId);
    }

    /** The run ends COMPLETED with the counts and events of one uninterrupted run, and the lock is free. */
    void assertCompletedExactlyOnce(String api, String runId) {
        JsonPath done = Eventually.get(Duration.ofSeconds(120), "the run ends", () -> {
            JsonPath now = run(api, runId);
            return "STARTED".equals(now.getString("status")) ? null : now;
        });
        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getLong("counts.checked")).isEqualTo(BINDINGS);
        assertThat(done.getLong("counts.deactivated")).isEqualTo(BINDINGS / 50);
        assertThat(done.getLong("counts.warned")).isEqualTo(BINDINGS / 50);
        assertThat(cluster.count("SELECT COUNT(*) FROM key_binding WHERE state = 'DEACTIVATED'"))
                .isEqualTo(BINDINGS / 50);
        assertThat(cluster.count("SELECT COUNT(*) FROM key_binding_event WHERE event = 'DEACTIVATED'"))
                .isEqualTo(BINDINGS / 50);
        assertThat(cluster.count("SELECT COUNT(*) FROM key_binding_event WHERE event = 'DEACTIVATION_WARNING'"))
                .isEqualTo(BINDINGS / 50);
        assertThat(cluster.count("SELECT COUNT(*) FROM (SELECT binding_id FROM key_binding_event"
                + " GROUP BY binding_id HAVING COUNT(*) > 1) twice")).as("one event per binding").isZero();
        Eventually.until(Duration.ofSeconds(10), "the lock is freed",
                () -> cluster.count("SELECT COUNT(*) FROM job_lock WHERE owner IS NOT NULL") == 0);
    }

    /**
     * A node that stalls past the lease (frozen with SIGSTOP: a GC pause, a suspended VM) while the other node
     * continues its run, then wakes up: its next chunk finds the lock claimed by the other and rolls back, and the
     * end of its execution neither marks the run nor frees the other's lock. The run ends as one uninterrupted run.
     */
    @Test
    void aNodeThatStalledPastTheLeaseNeitherWritesBesideNorEndsTheRunTheOtherNodeContinued() throws Exception {
        seedBindings();
        String runId = given().post(a + "/binding-health/runs").then().statusCode(202).extract().jsonPath()
                .getString("runId");
        Eventually.until(Duration.ofSeconds(90), "a few chunks committed", () -> cluster.count(
                "SELECT checked FROM binding_health_run WHERE id = '" + runId + "'") >= 5_000);
        LibertyServer stalled = cluster.node("node-a");
        stalled.freeze();
        try {
            JsonPath continued = Eventually.get(LEASE.plusSeconds(30), "the stalled node's lease expired", () -> {
                Response answer = given().post(b + "/binding-health/runs");
                return answer.statusCode() == 202 ? answer.jsonPath() : null;
            });
            assertThat(continued.getString("runId")).isEqualTo(runId);
        } finally {
            stalled.thaw();
        }
        assertCompletedExactlyOnce(b, runId);
        Eventually.until(Duration.ofSeconds(60), "the stalled node noticed it lost the lock", () -> stalled.messages()
                .stream().anyMatch(line -> line.contains("another node claimed it")));
        assertThat(run(b, runId).getString("status")).as("the stalled node left the run alone")
                .isEqualTo("COMPLETED");
    }

    // ---- 5. both nodes' purge timers on the same rows ------------------------------------------------------

    @Test
    void bothNodesPurgeTimersRemoveEveryExpiredRowOnceWithoutErrors() {
        int rows = 5_000;
        String expired = sqlTime(Instant.now().minus(Duration.ofDays(1)));
        Metrics beforeA = Metrics.scrape(cluster.node("node-a").host());
        Metrics beforeB = Metrics.scrape(cluster.node("node-b").host());
        cluster.query(connection -> {
            connection.setAutoCommit(false); // all rows appear at once, for both timers
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO flow_session (id, kind, correlation_id, flow_type, state,"
                        + " phone_number, client_request_id, rebind, created_at, updated_at, expires_at, version)"
                        + " SELECT 'px-' || i, 'POSSESSION', 'px-c-' || i, 'none', 'PENDING', '+12001004014',"
                        + " 'px-r-' || i, FALSE, " + expired + ", " + expired + ", " + expired + ", 0"
                        + " FROM generate_series(1, " + rows + ") AS i");
                statement.executeUpdate("INSERT INTO idempotency_record (id, caller_scope, idem_key, request_hash,"
                        + " state, created_at, expires_at, version) SELECT 'ix-' || i, 'operator', 'ix-k-' || i,"
                        + " 'hash', 'DONE', " + expired + ", " + expired + ", 0 FROM generate_series(1, " + rows
                        + ") AS i");
            }
            connection.commit();
            return null;
        });
        long began = System.nanoTime();
        Eventually.until(Duration.ofSeconds(60), "every expired row removed", () -> cluster.count(
                "SELECT (SELECT COUNT(*) FROM flow_session) + (SELECT COUNT(*) FROM idempotency_record)") == 0);
        log("both purges done", began);

        Metrics afterA = Metrics.scrape(cluster.node("node-a").host());
        Metrics afterB = Metrics.scrape(cluster.node("node-b").host());
        for (String metric : List.of("session_purge_removed_total", "idempotency_purge_removed_total")) {
            double byA = afterA.value(metric, Map.of()) - beforeA.value(metric, Map.of());
            double byB = afterB.value(metric, Map.of()) - beforeB.value(metric, Map.of());
            System.out.printf("NodesIT: %s node-a %.0f, node-b %.0f%n", metric, byA, byB);
            assertThat(byA + byB).as("%s: every row counted once, by one node", metric).isEqualTo(rows);
        }
        for (Metrics after : List.of(afterA, afterB)) {
            assertThat(after.value("session_purge_runs_total", Map.of("outcome", "failure"))).isZero();
            assertThat(after.value("idempotency_purge_runs_total", Map.of("outcome", "failure"))).isZero();
        }
        assertNothingLogged();
    }

    // ---- 6. a node killed between start and outcome --------------------------------------------------------

    @Test
    void aFlowWhoseNodeIsKilledAfterItsStartIsFinishedByTheOtherNodeOnce() {
        String key = UUID.randomUUID().toString();
        String customer = "CUST-" + UUID.randomUUID();
        Response start = startPossession(a, key, LORANT, "mobile", customer);
        start.then().statusCode(201);
        JsonPath started = start.jsonPath();
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("device", "killed", "otp", "1234")).then()
                .statusCode(200);

        cluster.node("node-a").kill();

        Response repeated = startPossession(b, key, LORANT, "mobile", customer);
        repeated.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(repeated.asString()).as("the killed node's answer is kept").isEqualTo(start.asString());
        String deviceId = outcome(b, flowId).then().statusCode(200).body("status", equalTo("VERIFIED")).extract()
                .jsonPath().getString("deviceId");
        given().get(b + "/possession-flows/" + flowId).then().statusCode(200).body("status", equalTo("VERIFIED"))
                .body("deviceId", equalTo(deviceId));

        List<Map<String, Object>> changes = feedPages(b, null).stream()
                .flatMap(page -> page.<Map<String, Object>>getList("changes").stream()).toList();
        assertThat(changes).as("one BOUND event for the flow, nothing else").hasSize(1);
        assertThat(changes.get(0)).containsEntry("flowId", flowId).containsEntry("event", "BOUND")
                .containsEntry("deviceId", deviceId);
        assertThat(cluster.count("SELECT COUNT(*) FROM key_binding")).isEqualTo(1);
        assertThat(cluster.count("SELECT COUNT(*) FROM flow_session")).isEqualTo(1);
        assertThat(sandbox.answered("/v3/unify")).as("the start was not repeated").isEqualTo(1);
    }

    // ---- 7. the change feed while both nodes change bindings -----------------------------------------------

    @Test
    void theChangeFeedListsEveryEventOnceWhileBothNodesChangeBindings() throws Exception {
        sandbox.settings(Map.of("rateLimitPerSecond", 10));
        AtomicBoolean changing = new AtomicBoolean(true);
        List<Map<String, Object>> seen = new ArrayList<>();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            String cursor = null;
            int turn = 0;
            do {
                boolean last = !changing.get();
                for (JsonPath page : feedPages(turn++ % 2 == 0 ? a : b, cursor)) {
                    seen.addAll(page.getList("changes"));
                    cursor = page.getString("nextCursor");
                }
                if (last) {
                    return cursor;
                }
            } while (true);
        });

        // 6 flows per node at once, each binding a new key; then half of the bindings revoked, on both nodes
        List<Callable<String>> flows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String startOn = i % 2 == 0 ? a : b;
            String finishOn = i % 3 == 0 ? a : b;
            String device = "feed-" + i;
            flows.add(() -> verifiedFlow(startOn, finishOn, device, "FEED-" + device));
        }
        Parallel.run(flows);
        List<String> bindingIds = cluster.query(connection -> {
            List<String> ids = new ArrayList<>();
            try (var rows = connection.createStatement().executeQuery("SELECT id FROM key_binding ORDER BY id")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
        List<Callable<Response>> revokes = new ArrayList<>();
        for (int i = 0; i < bindingIds.size(); i += 2) {
            String api = i % 4 == 0 ? a : b;
            String id = bindingIds.get(i);
            revokes.add(() -> honouringRetryAfter(() -> given().post(api + "/key-bindings/" + id + "/revoke")));
        }
        assertThat(statuses(Parallel.run(revokes))).containsOnlyKeys(200);
        changing.set(false);
        reader.get(60, TimeUnit.SECONDS);

        List<String> cursors = seen.stream().map(change -> (String) change.get("cursor")).toList();
        assertThat(new HashSet<>(cursors)).as("no change listed twice").hasSize(cursors.size());
        long events = cluster.count("SELECT COUNT(*) FROM key_binding_event");
        assertThat(seen).as("every event listed").hasSize((int) events);
        Set<String> fromFeed = seen.stream().map(change -> change.get("bindingId") + " " + change.get("event"))
                .collect(Collectors.toSet());
        Set<String> fromTable = new HashSet<>(cluster.query(connection -> {
            List<String> rows = new ArrayList<>();
            try (var result = connection.createStatement()
                    .executeQuery("SELECT binding_id, event FROM key_binding_event")) {
                while (result.next()) {
                    rows.add(result.getString(1) + " " + result.getString(2));
                }
            }
            return rows;
        }));
        assertThat(fromFeed).isEqualTo(fromTable);
        assertThat(seen.stream().filter(change -> "BOUND".equals(change.get("event")))).hasSize(12);
        assertThat(seen.stream().filter(change -> "REVOKED".equals(change.get("event")))).hasSize(6);
        // callers above a node's share are told to come back (and do): the answer is logged, nothing else
        assertNothingLogged("PROVE_RATE_LIMITED");
    }
}
