package it.org.provegateway.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import io.restassured.http.ContentType;

/**
 * TEST ONLY: takes the integration-test server's database away and gives it back, on either database.
 *
 * <p>Embedded Derby is really shut down (a connection from a test-only data source with {@code ;shutdown=true}) and
 * kept from booting again by hiding its {@code service.properties} (Derby then refuses to open the directory); putting
 * the file back lets the pool's next connection boot it. PostgreSQL is shared with other schemas (and other test
 * runs), so the server cannot be stopped: every connection of this gateway is dropped ({@code pg_terminate_backend},
 * found by the JDBC {@code ApplicationName} the PostgreSQL profile sets) and the gateway's schema is taken away
 * ({@code ALTER SCHEMA ... RENAME}), so that every query fails as against a stopped database, then renamed back.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String host;
    private final String url = System.getProperty("it.db.url");
    private Runnable restore;

    public DatabaseOutage(String host) {
        this.host = host;
    }

    public static boolean derby() {
        return System.getProperty("it.db.url").startsWith("jdbc:derby:");
    }

    /** Takes the database away until {@link #close()}. */
    public DatabaseOutage begin() {
        if (derby()) {
            Path database = Path.of(url.substring("jdbc:derby:".length(), url.indexOf(';')));
            Path service = database.resolve("service.properties");
            Path hidden = database.resolve("service.properties.stopped");
            String state = derbyShutdown();
            if (!"08006".equals(state)) {
                throw new AssertionError("Derby did not shut down: " + state);
            }
            move(service, hidden);
            restore = () -> move(hidden, service);
            derbyShutdown(); // in case a timer booted it again in between
        } else {
            String schema = url.replaceAll(".*[?&]currentSchema=([^&]+).*", "$1");
            String application = url.replaceAll(".*[?&]ApplicationName=([^&]+).*", "$1");
            sql("ALTER SCHEMA " + schema + " RENAME TO " + schema + "_stopped");
            restore = () -> sql("ALTER SCHEMA " + schema + "_stopped RENAME TO " + schema);
            try (Connection admin = admin(); PreparedStatement kill = admin.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?"
                            + " AND pid <> pg_backend_pid()")) {
                kill.setString(1, application);
                kill.execute();
            } catch (SQLException e) {
                throw new AssertionError("could not drop the gateway's connections", e);
            }
        }
        return this;
    }

    /** Gives the database back (safe to call twice). */
    @Override
    public void close() {
        if (restore != null) {
            Runnable r = restore;
            restore = null;
            r.run();
        }
    }

    /** Shuts embedded Derby down through the test-only data source; answers Derby's SQLState (08006 = done). */
    public String derbyShutdown() {
        return given().contentType(ContentType.JSON).body("{}").post(host + "/db-probe/sql/derby-shutdown").then()
                .statusCode(200).extract().jsonPath().getString("sqlState");
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(url, System.getProperty("it.db.user"), System.getProperty("it.db.password"));
    }

    private void sql(String statement) {
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new AssertionError(statement + " failed", e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
