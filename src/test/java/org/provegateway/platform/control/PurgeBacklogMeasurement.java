package org.provegateway.platform.control;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.flywaydb.core.Flyway;

/**
 * MEASUREMENT TOOL (not a test; not run by the build): how long the flow-session purge needs for a backlog of expired
 * rows with the default settings, on Derby or PostgreSQL. It migrates a database of its own with db/migration, seeds
 * the rows, and runs the real purge loop ({@link BatchedPurge}) with the default {@code session.purge.*} settings from
 * microprofile-config.properties over the same SQL that EclipseLink sends for the gateway's named queries (select the
 * ids of the oldest batch, delete them by id). The timer's idle time between runs is added, not waited for:
 * wall time = (runs - 1) x interval + the last run.
 *
 * <p>Run it with {@code .ci/measure-purge derby 1000000} or
 * {@code .ci/measure-purge 'jdbc:postgresql://127.0.0.1:5432/test?currentSchema=prove_purge' 1000000 postgres ''}.
 */
public final class PurgeBacklogMeasurement {

    private PurgeBacklogMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0].equals("derby") ? "jdbc:derby:target/purge-measurement/prove;create=true" : args[0];
        int rows = Integer.parseInt(args[1]);
        String user = args.length > 2 ? args[2] : "prove";
        String password = args.length > 3 ? args[3] : "prove";
        PurgeSettings settings = defaults();
        System.out.println("settings: " + settings);

        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            fresh(connection, url);
            Flyway.configure().dataSource(url, user, password).locations("filesystem:db/migration")
                    .table("schema_history").load().migrate();
            long seeded = seed(connection, rows);
            System.out.println("seeded " + seeded + " expired flow sessions");

            Instant cutoff = Instant.now();
            List<BatchedPurge.Result> runs = new ArrayList<>();
            long began = System.nanoTime();
            while (true) {
                BatchedPurge.Result run = BatchedPurge.loop("session", settings, batch -> purge(connection, cutoff,
                        batch));
                runs.add(run);
                System.out.println("run " + runs.size() + ": " + run);
                if (run.outcome() != BatchedPurge.Outcome.INCOMPLETE) {
                    break;
                }
            }
            Duration working = Duration.ofNanos(System.nanoTime() - began);
            Duration wall = settings.interval().multipliedBy(runs.size() - 1).plus(runs.get(runs.size() - 1).took());
            long removed = runs.stream().mapToLong(BatchedPurge.Result::removed).sum();
            System.out.printf("removed %d rows in %d runs; purge working time %d s; wall time with the timer's "
                    + "interval %d s (%.0f rows/s)%n", removed, runs.size(), working.toSeconds(), wall.toSeconds(),
                    removed / (double) Math.max(1, wall.toSeconds()));
        }
    }

    /** The SQL EclipseLink sends for FlowSession.expiredIds and FlowSession.deleteExpired, in one transaction. */
    static int purge(Connection connection, Instant cutoff, int batch) {
        try {
            connection.setAutoCommit(false);
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM flow_session WHERE expires_at < ? ORDER BY expires_at FETCH FIRST " + batch
                            + " ROWS ONLY")) {
                select.setTimestamp(1, Timestamp.from(cutoff));
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        ids.add(found.getString(1));
                    }
                }
            }
            int deleted = 0;
            if (!ids.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flow_session WHERE id IN ("
                        + String.join(",", Collections.nCopies(ids.size(), "?")) + ") AND expires_at < ?")) {
                    for (int i = 0; i < ids.size(); i++) {
                        delete.setString(i + 1, ids.get(i));
                    }
                    delete.setTimestamp(ids.size() + 1, Timestamp.from(cutoff));
                    deleted = delete.executeUpdate();
                }
            }
            connection.commit();
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static PurgeSettings defaults() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = PurgeBacklogMeasurement.class.getResourceAsStream(
                "/META-INF/microprofile-config.properties")) {
            properties.load(in);
        }
        return new PurgeSettings(Duration.parse(properties.getProperty("session.purge.interval")),
                Integer.parseInt(properties.getProperty("session.purge.batch-size")),
                Duration.parse(properties.getProperty("session.purge.max-duration")));
    }

    static void fresh(Connection connection, String url) throws SQLException {
        if (url.startsWith("jdbc:postgresql:")) {
            String schema = url.replaceAll(".*[?&]currentSchema=([^&]+).*", "$1");
            try (Statement s = connection.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                s.execute("CREATE SCHEMA " + schema);
            }
        }
    }

    static long seed(Connection connection, int rows) throws SQLException {
        Instant expired = Instant.now().minus(Duration.ofHours(1));
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flow_session (id, kind, "
                + "correlation_id, flow_type, state, phone_number, client_request_id, rebind, created_at, updated_at,"
                + " expires_at, version) VALUES (?, 'POSSESSION', ?, 'mobile', 'EXPIRED', '+12001004014', ?, FALSE,"
                + " ?, ?, ?, 0)")) {
            for (int i = 0; i < rows; i++) {
                Timestamp at = Timestamp.from(expired.plusMillis(i % 3_600_000));
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, UUID.randomUUID().toString());
                insert.setTimestamp(4, at);
                insert.setTimestamp(5, at);
                insert.setTimestamp(6, at);
                insert.addBatch();
                if ((i + 1) % 5_000 == 0 || i == rows - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement(); ResultSet count = s.executeQuery(
                "SELECT COUNT(*) FROM flow_session")) {
            count.next();
            return count.getLong(1);
        }
    }
}
