package it.org.provegateway.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * TEST ONLY: a tiny WAR (built by ShrinkWrap in {@code GatewayIT}, deployed only to the integration-test server)
 * that lets tests look into the gateway's real database through the same data source, whatever the database
 * (embedded Derby cannot be opened from a second JVM).
 */
@Path("sql")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DbProbe {

    @Resource(lookup = "jdbc/prove")
    DataSource dataSource;

    /** {"sql": "...", "params": ["a", 1]} → {"rows": [{COLUMN: value-as-string}], "updated": n}. */
    @POST
    public JsonObject execute(JsonObject request) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(request.getString("sql"))) {
            bind(statement, request.containsKey("params") ? request.getJsonArray("params") : JsonValue.EMPTY_JSON_ARRAY);
            JsonArrayBuilder rows = Json.createArrayBuilder();
            int updated = -1;
            if (statement.execute()) {
                try (ResultSet results = statement.getResultSet()) {
                    ResultSetMetaData meta = results.getMetaData();
                    while (results.next()) {
                        JsonObjectBuilder row = Json.createObjectBuilder();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            Object value = results.getObject(c);
                            String name = meta.getColumnLabel(c).toLowerCase();
                            if (value == null) {
                                row.addNull(name);
                            } else {
                                row.add(name, value.toString());
                            }
                        }
                        rows.add(row);
                    }
                }
            } else {
                updated = statement.getUpdateCount();
            }
            return Json.createObjectBuilder().add("rows", rows).add("updated", updated).build();
        }
    }

    /**
     * {"sql": "INSERT ...", "rows": [["a", 1], ...]} → {"updated": n}: one statement run for every row of parameters
     * as JDBC batches, in one transaction (seeding large registries quickly).
     */
    @POST
    @Path("batch")
    public JsonObject batch(JsonObject request) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int updated = 0;
            try (PreparedStatement statement = connection.prepareStatement(request.getString("sql"))) {
                JsonArray rows = request.getJsonArray("rows");
                for (int r = 0; r < rows.size(); r++) {
                    bind(statement, rows.getJsonArray(r));
                    statement.addBatch();
                    if ((r + 1) % 1000 == 0 || r == rows.size() - 1) {
                        for (int count : statement.executeBatch()) {
                            updated += count == PreparedStatement.SUCCESS_NO_INFO ? 1 : count;
                        }
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return Json.createObjectBuilder().add("updated", updated).build();
        }
    }

    /**
     * {"statements": [{"sql": ..., "params": [...]}], "holdMillis": n} → {"committedAt": epoch millis}: runs the
     * statements in one transaction, keeps it open (with its locks) for holdMillis, then commits. Stands for another
     * gateway node's transaction in tests of concurrent writers.
     */
    @POST
    @Path("hold")
    public JsonObject hold(JsonObject request) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (JsonValue value : request.getJsonArray("statements")) {
                    JsonObject step = value.asJsonObject();
                    try (PreparedStatement statement = connection.prepareStatement(step.getString("sql"))) {
                        bind(statement, step.containsKey("params") ? step.getJsonArray("params")
                                : JsonValue.EMPTY_JSON_ARRAY);
                        statement.execute();
                    }
                }
                Thread.sleep(request.getInt("holdMillis"));
                connection.commit();
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return Json.createObjectBuilder().add("committedAt", System.currentTimeMillis()).build();
        }
    }

    private static void bind(PreparedStatement statement, JsonArray params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            JsonValue value = params.get(i);
            switch (value.getValueType()) {
                case NUMBER -> statement.setLong(i + 1, params.getJsonNumber(i).longValue());
                case STRING -> statement.setString(i + 1, params.getString(i));
                default -> statement.setObject(i + 1, null);
            }
        }
    }

    /**
     * Shuts the embedded Derby database down (a connection from the test-only data source whose URL ends in
     * {@code ;shutdown=true}, see test.xml): every pooled connection of the gateway dies with it. Answers the SQL
     * state Derby gave, 08006 when the database was shut down.
     */
    @POST
    @Path("derby-shutdown")
    public JsonObject shutdownDerby() throws javax.naming.NamingException {
        DataSource shutdown = (DataSource) new javax.naming.InitialContext().lookup("jdbc/it-derby-shutdown");
        try (Connection connection = shutdown.getConnection()) {
            return Json.createObjectBuilder().add("sqlState", "none").build();
        } catch (SQLException e) {
            return Json.createObjectBuilder().add("sqlState", String.valueOf(e.getSQLState())).build();
        }
    }

    /** The probe's JAX-RS application. */
    @ApplicationPath("/")
    public static class ProbeApplication extends Application {
    }
}
