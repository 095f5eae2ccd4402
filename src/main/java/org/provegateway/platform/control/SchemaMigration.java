package org.provegateway.platform.control;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Brings the database schema to the version this WAR was built with, from the migrations in {@code db/migration}
 * (the single source of the schema), before the gateway serves anything.
 *
 * <p>Banks whose DBAs apply migrations themselves set {@code db.migrate-on-start=false}; the gateway then only
 * validates that the schema is at the expected version and refuses to start otherwise.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/prove")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "db.migrate-on-start", defaultValue = "true")
    boolean migrateOnStart;

    private volatile String schemaVersion = "unknown";

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                // Open Liberty resolves class-path folders only through a marker file (flyway.location); db/callback
                // holds only such a marker, so that Flyway's default callback location resolves too.
                .locations("classpath:db/migration")
                .table("schema_history")
                .failOnMissingLocations(true)
                .load();
        String version;
        if (migrateOnStart) {
            MigrateResult result = flyway.migrate();
            // Not MigrateResult.targetSchemaVersion: it is null when nothing was applied (every restart).
            version = currentVersion(flyway);
            LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
                    + " migrations applied now)");
        } else {
            flyway.validate();
            version = currentVersion(flyway);
            LOG.info(() -> "Database schema at version " + version + ", validated (db.migrate-on-start=false)");
        }
        boundDerbyLockWaits();
        schemaVersion = version;
    }

    /** The newest applied migration's version, from the schema history; "empty" before the first migration. */
    private static String currentVersion(Flyway flyway) {
        var current = flyway.info().current();
        return current == null ? "empty" : current.getVersion().getVersion();
    }

    /**
     * On embedded Derby, a statement waiting for a row or table lock ignores the JDBC query timeout and waits
     * {@code derby.locks.waitTimeout} (60 s by default; measured: a start blocked by a locked table answered after the
     * lock was released, 7 s later). A bound is therefore stored in the database itself, so that it holds whatever
     * JVM opens it: 1 s, below the query timeout (persistence.xml, 2 s), because Derby wakes a waiting statement
     * only some time after its wait is over (measured: 2 s waits answered after up to 3.1 s on a loaded machine), and
     * the gateway's own transactions hold locks for milliseconds. PostgreSQL's lock waits end with the query timeout.
     */
    private void boundDerbyLockWaits() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().contains("Derby")) {
                return;
            }
            try (CallableStatement set = connection.prepareCall(
                    "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', ?)")) {
                set.setString(1, Long.toString(DERBY_LOCK_WAIT_SECONDS));
                set.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bound Derby's lock waits (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Seconds a Derby statement waits for a lock (see boundDerbyLockWaits). */
    static final long DERBY_LOCK_WAIT_SECONDS = 1;

    /** The version of the newest applied migration, for the health checks. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
