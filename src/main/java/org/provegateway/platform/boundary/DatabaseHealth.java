package org.provegateway.platform.boundary;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.provegateway.platform.control.SchemaMigration;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ready only while the database answers: every flow step persists its state before it answers. The probe runs a
 * one-row primary-key read of a gateway table with a {@value #QUERY_TIMEOUT_SECONDS} s query timeout (a probe
 * must answer well within the orchestrator's probe timeout). A real query rather than {@code isValid}: a dead
 * pooled connection then fails with an error Liberty's pool recognises as stale, so the pool is purged and the
 * next probe gets a fresh connection once the database is back, instead of reporting DOWN forever.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    static final int QUERY_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/prove")
    DataSource dataSource;

    @Inject
    SchemaMigration schema;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("schemaVersion", schema.schemaVersion());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rows = statement.executeQuery("SELECT name FROM job_lock WHERE name = 'binding-health'")) {
                return response.status(rows.next()).build();
            }
        } catch (SQLException e) {
            return response.down().withData("error", e.getClass().getSimpleName()
                    + (e.getSQLState() == null ? "" : " " + e.getSQLState())).build();
        }
    }
}
