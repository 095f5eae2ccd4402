package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static it.org.provegateway.support.TestUsers.LORANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import it.org.provegateway.support.DatabaseOutage;
import it.org.provegateway.support.Eventually;
import it.org.provegateway.support.Sandbox;

/**
 * Liveness, startup and readiness. Readiness follows the database and Prove's reachability as the gateway sees it
 * from its own calls: DOWN while Prove's circuit breaker for unify is open (test.xml: it opens after 4 failures and
 * lets a trial call through after 2 s), DOWN after a failed token fetch, DOWN while the database is stopped, UP
 * again after each.
 *
 * <p>How the database is stopped on each database: {@link DatabaseOutage}.
 */
class HealthIT extends GatewayIT {

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @BeforeEach
    void freshProve() {
        sandbox.reset();
    }

    static Response ready() {
        return given().get(HOST + "/health/ready");
    }

    static Response startLorant() {
        return given().contentType(ContentType.JSON).body(Map.of("phoneNumber", LORANT, "possessionType", "mobile"))
                .post(API + "/possession-flows");
    }

    static void awaitReady(Duration within) {
        Eventually.until(within, "ready again", () -> ready().statusCode() == 200);
    }

    @Test
    void gatewayIsUpWithMigratedSchema() throws IOException {
        given().get(HOST + "/health").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("database", "prove", "gateway", "schema"))
                .body("checks.find { it.name == 'database' }.data.schemaVersion", equalTo(newestMigration()));
        given().get(HOST + "/health/live").then().statusCode(200).body("checks.name", hasItem("gateway"));
        given().get(HOST + "/health/started").then().statusCode(200).body("checks.name", hasItem("schema"));
    }

    /** The version of the newest migration in db/migration (V<n>__...sql), which the gateway applied at start-up. */
    static String newestMigration() throws IOException {
        Pattern name = Pattern.compile("V([0-9]+)__.*\\.sql");
        try (Stream<Path> files = Files.list(Path.of("db", "migration"))) {
            return files.map(file -> name.matcher(file.getFileName().toString())).filter(Matcher::matches)
                    .map(match -> Integer.valueOf(match.group(1))).max(Comparator.naturalOrder()).orElseThrow()
                    .toString();
        }
    }

    @Test
    void readinessIsDownWhileProvesCircuitIsOpenWithoutCallingProveAndUpAfter() {
        startLorant().then().statusCode(201); // Prove reachable, breaker closed
        ready().then().statusCode(200).body("checks.find { it.name == 'prove' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'prove' }.data.lastTokenFetch", equalTo("success"));

        int unifyCalls = sandbox.calls("/v3/unify");
        int tokenCalls = sandbox.calls("/token");
        sandbox.fault(Map.of("endpoint", "/v3/unify", "count", 4, "status", 500));
        for (int i = 0; i < 4; i++) {
            startLorant().then().statusCode(502);
        }
        // Right away: the breaker stays open only 2 s (test.xml).
        JsonPath down = ready().then().statusCode(503).extract().jsonPath();
        assertThat(down.getString("checks.find { it.name == 'prove' }.status")).isEqualTo("DOWN");
        assertThat(down.getString("checks.find { it.name == 'prove' }.data.openCircuits")).isEqualTo("unify");
        assertThat(down.getString("checks.find { it.name == 'database' }.status")).isEqualTo("UP");
        startLorant().then().statusCode(503); // refused by the open breaker
        ready().then().statusCode(503);
        assertThat(sandbox.calls("/v3/unify")).as("only the 4 failed starts reached Prove; probes never call it")
                .isEqualTo(unifyCalls + 4);
        assertThat(sandbox.calls("/token")).isEqualTo(tokenCalls);

        awaitReady(Duration.ofSeconds(5)); // the breaker's delay (2 s): a trial call may go through
        startLorant().then().statusCode(201);
        ready().then().statusCode(200).body("checks.find { it.name == 'prove' }.data.openCircuits", equalTo(""));
    }

    @Test
    void readinessIsDownAfterAFailedTokenFetchUntilAFetchSucceeds() {
        // The reset emulator forgot the gateway's token: the next call needs a new one, and /token answers 500 once.
        sandbox.fault(Map.of("endpoint", "/token", "count", 1, "status", 500));
        assertThat(startLorant().statusCode()).isGreaterThanOrEqualTo(500);
        ready().then().statusCode(503)
                .body("checks.find { it.name == 'prove' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'prove' }.data.lastTokenFetch", equalTo("http_5xx"));

        startLorant().then().statusCode(201); // a new token, fetched by a real call (never by a probe)
        ready().then().statusCode(200)
                .body("checks.find { it.name == 'prove' }.data.lastTokenFetch", equalTo("success"));
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsStoppedAndUpAfter() {
        ready().then().statusCode(200);
        try (DatabaseOutage outage = new DatabaseOutage(HOST).begin()) {
            assertDatabaseDown();
        }
        Eventually.until(Duration.ofSeconds(15), "ready again", () -> ready().statusCode() == 200);
        ready().then().statusCode(200).body("checks.find { it.name == 'database' }.status", equalTo("UP"));
        given().get(API + "/key-bindings?deviceId=nobody").then().statusCode(200);
    }

    static void assertDatabaseDown() {
        for (int probe = 0; probe < 3; probe++) {
            ready().then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'prove' }.status", equalTo("UP"));
        }
        given().get(HOST + "/health/live").then().statusCode(200);
    }

}
