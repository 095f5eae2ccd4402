package org.provegateway.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Seeds the registry and expired flow sessions with set-based SQL that runs unchanged on Derby and PostgreSQL: a
 * helper table of the numbers 0 to 999, cross-joined with itself, gives up to a million rows per INSERT ... SELECT.
 */
final class Seeding {

    /** Seeded binding n has the number +1 (3,000,000,000 + n) and the customer reference BSEED-n. */
    static final long PHONE_BASE = 3_000_000_000L;

    private Seeding() {
    }

    static String phone(long n) {
        return "+1" + (PHONE_BASE + n);
    }

    static String customer(long n) {
        return "BSEED-" + n;
    }

    /**
     * {@code count} bindings (70 % active, 10 % stale, 20 % revoked), each with one BOUND event in the change feed.
     * Answers the rows written.
     */
    static long bindings(Connection connection, int count) throws SQLException {
        numbers(connection);
        String n = "(a.n * 1000 + b.n)";
        String text = "RTRIM(CAST(" + n + " AS CHAR(12)))";
        String ts = "CAST(? AS TIMESTAMP)";
        long rows;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO key_binding (id, device_id,"
                + " active_device_id, phone_number, prove_id, customer_ref, state, bound_at, last_used_at,"
                + " state_changed_at, version) SELECT 'bseed-' || " + text + ", 'bseed-dev-' || " + text + ","
                + " CASE WHEN MOD(" + n + ", 10) < 8 THEN 'bseed-dev-' || " + text + " ELSE NULL END,"
                + " '+1' || RTRIM(CAST(CAST(" + PHONE_BASE + " AS BIGINT) + " + n + " AS CHAR(14))),"
                + " 'PROVE-' || " + text + ", 'BSEED-' || " + text + ","
                + " CASE WHEN MOD(" + n + ", 10) < 7 THEN 'ACTIVE' WHEN MOD(" + n + ", 10) = 7 THEN 'STALE'"
                + " ELSE 'REVOKED' END, " + ts + ", " + ts + ", " + ts + ", 0"
                + " FROM bench_n a, bench_n b WHERE " + n + " < ?")) {
            Timestamp day = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
            insert.setString(1, day.toString());
            insert.setString(2, day.toString());
            insert.setString(3, day.toString());
            insert.setInt(4, count);
            rows = insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO key_binding_event (id, binding_id,"
                + " event, occurred_at) SELECT 'bev-' || SUBSTR(id, 7), id, 'BOUND', bound_at FROM key_binding"
                + " WHERE id LIKE 'bseed-%'")) {
            rows += insert.executeUpdate();
        }
        dropNumbers(connection);
        analyze(connection);
        return rows;
    }

    /**
     * PostgreSQL plans with table statistics that autovacuum refreshes only some time after a bulk load; a production
     * registry that grew to this size has them. Without this the first measurements run on plans made for an empty
     * table. (Derby keeps index statistics itself.)
     */
    static void analyze(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE key_binding");
                statement.execute("ANALYZE key_binding_event");
            }
        }
    }

    /** {@code count} possession flow sessions that expired two days ago (past any grace): the purge's backlog. */
    static long expiredSessions(Connection connection, int count) throws SQLException {
        numbers(connection);
        String n = "(a.n * 1000 + b.n)";
        String text = "RTRIM(CAST(" + n + " AS CHAR(12)))";
        String ts = "CAST(? AS TIMESTAMP)";
        long rows;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flow_session (id, kind,"
                + " correlation_id, flow_type, state, phone_number, client_request_id, customer_ref, rebind,"
                + " created_at, updated_at, expires_at, version) SELECT 'bexp-' || " + text + ", 'POSSESSION',"
                + " 'bexp-c-' || " + text + ", 'mobile', 'VERIFIED', '+12001004014', 'bexp-r-' || " + text + ","
                + " NULL, FALSE, " + ts + ", " + ts + ", " + ts + ", 0 FROM bench_n a, bench_n b WHERE " + n
                + " < ?")) {
            Timestamp expired = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
            insert.setString(1, expired.toString());
            insert.setString(2, expired.toString());
            insert.setString(3, expired.toString());
            insert.setInt(4, count);
            rows = insert.executeUpdate();
        }
        dropNumbers(connection);
        return rows;
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void numbers(Connection connection) throws SQLException {
        dropNumbers(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_n (n INTEGER NOT NULL PRIMARY KEY)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_n (n) VALUES (?)")) {
            for (int i = 0; i < 1000; i++) {
                insert.setInt(1, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void dropNumbers(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE bench_n");
        } catch (SQLException absent) {
            // not there yet
        }
    }
}
