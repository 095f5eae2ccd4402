package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

class HealthIT extends GatewayIT {

    @Test
    void gatewayIsUpWithMigratedSchema() {
        given().get(HOST + "/health").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .body("checks.find { it.name == 'database' }.data.schemaVersion", equalTo(latestMigration()));
    }

    /** The highest version in db/migration (Failsafe runs in the project directory). */
    static String latestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("db/migration"))) {
            return Integer.toString(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
