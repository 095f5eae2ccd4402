package it.org.provegateway.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** Test-side access to the gateway's database through the {@link DbProbe} WAR. */
public final class Database {

    private final String probeUrl;

    public Database(String host) {
        this.probeUrl = host + "/db-probe/sql";
    }

    /** Rows of a query, column names in lower case, values as strings. */
    public List<Map<String, String>> rows(String sql, Object... params) {
        return given().contentType(ContentType.JSON).body(Map.of("sql", sql, "params", List.of(params)))
                .post(probeUrl).then().statusCode(200).extract().jsonPath().getList("rows");
    }

    public Map<String, String> single(String sql, Object... params) {
        List<Map<String, String>> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + " for " + sql);
        }
        return rows.get(0);
    }

    public int update(String sql, Object... params) {
        return given().contentType(ContentType.JSON).body(Map.of("sql", sql, "params", List.of(params)))
                .post(probeUrl).then().statusCode(200).extract().jsonPath().getInt("updated");
    }

    public long count(String sql, Object... params) {
        return Long.parseLong(rows(sql, params).get(0).values().iterator().next());
    }

    /** Runs one statement for every row of parameters, in JDBC batches and one transaction; answers rows changed. */
    public int batch(String sql, List<List<Object>> rows) {
        return given().contentType(ContentType.JSON).body(Map.of("sql", sql, "rows", rows))
                .post(probeUrl + "/batch").then().statusCode(200).extract().jsonPath().getInt("updated");
    }

    /**
     * Whether another transaction holds a write lock on {@code table} (a table lock, or on PostgreSQL the lock every
     * row update takes on its table; on Derby a row or table X lock): lets a test wait until a held transaction (see
     * {@link #holdTransaction}) is really holding it, instead of sleeping.
     */
    public boolean writeLocked(String table) {
        if (System.getProperty("it.db.url").startsWith("jdbc:derby:")) {
            return count("SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE TABLENAME = ? AND MODE = 'X'"
                    + " AND STATE = 'GRANT'", table.toUpperCase()) > 0;
        }
        return count("SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = ?"
                + " AND l.mode IN ('RowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock') AND l.granted"
                + " AND l.pid <> pg_backend_pid()", table) > 0;
    }

    /**
     * Runs statements (each a map with "sql" and "params") in one transaction kept open for holdMillis, then commits;
     * answers the server's clock (epoch millis) at the commit. Blocks for as long.
     */
    public long holdTransaction(List<Map<String, Object>> statements, int holdMillis) {
        return given().contentType(ContentType.JSON).body(Map.of("statements", statements, "holdMillis", holdMillis))
                .post(probeUrl + "/hold").then().statusCode(200).extract().jsonPath().getLong("committedAt");
    }
}
