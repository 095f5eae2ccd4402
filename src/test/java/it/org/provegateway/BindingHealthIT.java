package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import it.org.provegateway.support.Metrics;
import it.org.provegateway.support.Tables;

/**
 * The binding-health batch job over a registry of 100,000 bindings: 2,000 unused for 13 months (Prove has
 * deactivated their keys), 1,000 whose deadline is 20 days away (inside the 30-day warning window), the rest used
 * yesterday. A CHECK constraint added for the test makes the update of one deactivated binding in the middle
 * ({@code bh-50000}) fail, so the first execution fails after 50 committed chunks (test.xml: chunk size 1,000);
 * with the constraint dropped, the next start continues the run to exactly the end state of an uninterrupted run,
 * every binding handled once. A second start while a run holds the cluster lock is refused.
 */
class BindingHealthIT extends GatewayIT {

    static final String RUNS = API + "/binding-health/runs";
    static final String TYPES = "https://prove-gateway.dev/problems/";
    static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @BeforeEach
    @AfterEach
    void emptyRegistryAndNoRuns() {
        Tables.reset(db, "key_binding_event", "key_binding", "binding_health_run");
        db.update("UPDATE job_lock SET owner = NULL");
        dropQuietly("ALTER TABLE key_binding DROP CONSTRAINT it_bh_fail");
        dropQuietly("DROP TABLE it_digit");
    }

    /** Timestamps as the server's JVM stores them (its default zone, like the gateway's converter). */
    static String sqlTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.systemDefault()).format(SQL_TIME);
    }

    /** 100,000 live bindings bh-00000 … bh-99999 in one INSERT … SELECT over a digits table (Derby and PostgreSQL). */
    void seedRegistry() {
        Instant now = Instant.now();
        String old = sqlTime(now.atZone(ZoneId.of("UTC")).minusMonths(13).toInstant());
        String warn = sqlTime(now.atZone(ZoneId.of("UTC")).minusMonths(12).plusDays(20).toInstant());
        String fresh = sqlTime(now.minus(Duration.ofDays(1)));
        db.update("CREATE TABLE it_digit (d CHAR(1) NOT NULL)");
        db.update("INSERT INTO it_digit (d) VALUES ('0'), ('1'), ('2'), ('3'), ('4'), ('5'), ('6'), ('7'), ('8'), ('9')");
        String digits = "a.d || b.d || c.d || e.d || f.d";
        int inserted = db.update("INSERT INTO key_binding (id, device_id, active_device_id, phone_number, state,"
                + " bound_at, last_used_at, state_changed_at, version)"
                + " SELECT 'bh-' || " + digits + ", 'bh-device-' || " + digits + ", 'bh-device-' || " + digits
                + ", '+1999000' || " + digits + ", 'ACTIVE', t.ts, t.ts, t.ts, 0"
                + " FROM it_digit a, it_digit b, it_digit c, it_digit e, it_digit f,"
                + " (SELECT CASE WHEN x.d = '0' THEN CAST('" + old + "' AS TIMESTAMP)"
                + " WHEN x.d = '1' THEN CAST('" + warn + "' AS TIMESTAMP) ELSE CAST('" + fresh + "' AS TIMESTAMP) END"
                + " AS ts, x.d AS k FROM it_digit x) t"
                + " WHERE t.k = CASE WHEN c.d = '0' AND e.d IN ('0', '1') THEN '0'"
                + " WHEN c.d = '5' AND e.d = '0' THEN '1' ELSE '2' END");
        assertThat(inserted).isEqualTo(100_000);
        db.update("DROP TABLE it_digit");
    }

    static JsonPath awaitEnd(String runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath run = given().get(RUNS + "/" + runId).then().statusCode(200).extract().jsonPath();
            if (!"STARTED".equals(run.getString("status"))) {
                return run;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("run " + runId + " did not end within 90 s");
    }

    long count(String sql) {
        return db.count(sql);
    }

    static void log(String step, long began) {
        System.out.printf("BindingHealthIT: %s after %d ms%n", step, (System.nanoTime() - began) / 1_000_000);
    }

    @Test
    void deactivatesExactlyTheUnusedOnesAndAFailedRunContinuesFromItsCheckpointToTheSameEndState()
            throws InterruptedException {
        long began = System.nanoTime();
        seedRegistry();
        log("seeded 100,000 bindings", began);
        Metrics before = Metrics.scrape(HOST);
        db.update("ALTER TABLE key_binding ADD CONSTRAINT it_bh_fail CHECK (id <> 'bh-50000' OR state <> 'DEACTIVATED')");

        JsonPath started = given().post(RUNS).then().statusCode(202).extract().jsonPath();
        String runId = started.getString("runId");
        assertThat(started.getBoolean("continued")).isFalse();
        given().post(RUNS).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(TYPES + "job-running"));

        JsonPath failed = awaitEnd(runId);
        log("first execution failed", began);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("batchStatus")).isEqualTo("FAILED");
        assertThat(failed.getString("failure")).as("the error's kind, no database message").doesNotContain("+1999");
        // 50 chunks of 1,000 committed (bh-00000 … bh-49999); the chunk holding bh-50000 rolled back whole.
        assertThat(failed.getString("lastBindingId")).isEqualTo("bh-49999");
        assertThat(failed.getLong("counts.checked")).isEqualTo(50_000);
        assertThat(failed.getLong("counts.deactivated")).isEqualTo(1_000);
        assertThat(failed.getLong("counts.warned")).isEqualTo(500);
        assertThat(count("SELECT COUNT(*) FROM key_binding WHERE state = 'DEACTIVATED'")).isEqualTo(1_000);
        assertThat(count("SELECT COUNT(*) FROM key_binding WHERE state = 'DEACTIVATED' AND id >= 'bh-50000'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM key_binding_event WHERE event = 'DEACTIVATED'")).isEqualTo(1_000);

        db.update("ALTER TABLE key_binding DROP CONSTRAINT it_bh_fail");
        JsonPath continued = given().post(RUNS).then().statusCode(202).extract().jsonPath();
        assertThat(continued.getString("runId")).as("the failed run is continued").isEqualTo(runId);
        assertThat(continued.getBoolean("continued")).isTrue();
        JsonPath done = awaitEnd(runId);
        log("continued run completed", began);

        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getInt("executions")).isEqualTo(2);
        assertThat(done.getLong("counts.checked")).isEqualTo(100_000);
        assertThat(done.getLong("counts.deactivated")).isEqualTo(2_000);
        assertThat(done.getLong("counts.warned")).isEqualTo(1_000);
        assertThat(done.getLong("counts.alreadyWarned")).isZero();
        assertThat(done.getLong("counts.unchanged")).isEqualTo(97_000);
        assertEndState();

        // Run again: nothing left to deactivate, nobody warned twice.
        String again = given().post(RUNS).then().statusCode(202).extract().jsonPath().getString("runId");
        assertThat(again).isNotEqualTo(runId);
        JsonPath second = awaitEnd(again);
        log("second run completed", began);
        assertThat(second.getString("status")).isEqualTo("COMPLETED");
        assertThat(second.getLong("counts.checked")).isEqualTo(98_000);
        assertThat(second.getLong("counts.deactivated")).isZero();
        assertThat(second.getLong("counts.warned")).isZero();
        assertThat(second.getLong("counts.alreadyWarned")).isEqualTo(1_000);
        assertEndState();

        Metrics after = Metrics.scrape(HOST);
        assertThat(after.value("binding_health_runs_total", Map.of("outcome", "failed"))
                - before.value("binding_health_runs_total", Map.of("outcome", "failed"))).isEqualTo(1);
        assertThat(after.value("binding_health_runs_total", Map.of("outcome", "completed"))
                - before.value("binding_health_runs_total", Map.of("outcome", "completed"))).isEqualTo(2);

        given().get(RUNS).then().statusCode(200).body("size()", equalTo(2)).body("[0].runId", equalTo(again));
    }

    /** Exactly the 2,000 unused bindings deactivated, the 1,000 in the window warned, each event written once. */
    void assertEndState() {
        assertThat(count("SELECT COUNT(*) FROM key_binding WHERE state = 'DEACTIVATED'")).isEqualTo(2_000);
        assertThat(count("SELECT COUNT(*) FROM key_binding WHERE state = 'DEACTIVATED' AND active_device_id IS NULL"
                + " AND SUBSTR(id, 6, 1) = '0' AND SUBSTR(id, 7, 1) IN ('0', '1')")).isEqualTo(2_000);
        assertThat(count("SELECT COUNT(*) FROM key_binding WHERE state = 'ACTIVE'")).isEqualTo(98_000);
        assertThat(count("SELECT COUNT(*) FROM key_binding WHERE deactivation_warned_at IS NOT NULL"
                + " AND SUBSTR(id, 6, 1) = '5' AND SUBSTR(id, 7, 1) = '0'")).isEqualTo(1_000);
        assertThat(count("SELECT COUNT(*) FROM key_binding WHERE deactivation_warned_at IS NOT NULL")).isEqualTo(1_000);
        assertThat(count("SELECT COUNT(*) FROM key_binding_event WHERE event = 'DEACTIVATED'")).isEqualTo(2_000);
        assertThat(count("SELECT COUNT(*) FROM key_binding_event WHERE event = 'DEACTIVATION_WARNING'"))
                .isEqualTo(1_000);
        assertThat(count("SELECT COUNT(*) FROM (SELECT binding_id FROM key_binding_event"
                + " GROUP BY binding_id HAVING COUNT(*) > 1) twice")).as("one event per binding").isZero();
    }

    @Test
    void aLockHeldByAnotherNodeRefusesAStartUntilItsLeaseExpires() throws InterruptedException {
        db.update("UPDATE job_lock SET owner = 'another-node', lease_until = CAST(? AS TIMESTAMP) WHERE name = 'binding-health'",
                sqlTime(Instant.now().plus(Duration.ofMinutes(10))));
        given().post(RUNS).then().statusCode(409).body("type", equalTo(TYPES + "job-running"));

        db.update("UPDATE job_lock SET lease_until = CAST(? AS TIMESTAMP) WHERE name = 'binding-health'",
                sqlTime(Instant.now().minus(Duration.ofMinutes(1))));
        String runId = given().post(RUNS).then().statusCode(202).extract().jsonPath().getString("runId");
        JsonPath run = awaitEnd(runId);
        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getLong("counts.checked")).isZero();
        assertThat(db.single("SELECT owner FROM job_lock WHERE name = 'binding-health'")).containsEntry("owner", null);
    }

    @Test
    void anUnknownRunIsA404Problem() {
        given().get(RUNS + "/no-such-run").then().statusCode(404).body("type", equalTo(TYPES + "run-not-found"));
    }

    private void dropQuietly(String sql) {
        given().contentType("application/json").body(Map.of("sql", sql, "params", java.util.List.of()))
                .post(HOST + "/db-probe/sql");
    }
}
