package org.provegateway.platform.control;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

/**
 * Tells a failure that means "the database cannot be used right now; the same request may succeed in a moment"
 * (answered {@code 503 database-unavailable} with {@code Retry-After}) from every other failure (a bug or a broken
 * invariant: {@code 500 internal}). The test is the SQLState the driver reported, found anywhere in the cause chain
 * (JPA, JTA and EJB wrap it several layers deep), plus the few JDBC and JPA exception types that say the same
 * without a state.
 *
 * <p>Counted as unavailable, by SQLState (SQL standard classes first, then PostgreSQL's and Derby's own codes):
 * <ul>
 * <li>{@code 08xxx} connection exception: cannot connect ({@code 08001}, {@code 08004}), connection lost
 * ({@code 08006}, Derby's "database shut down" too), no connection ({@code 08003}).
 * <li>{@code 40001} serialization failure (PostgreSQL; Derby's deadlock) and {@code 40P01} deadlock detected: the
 * database rolled the transaction back and says that repeating it can succeed.
 * <li>{@code 40XL1}, {@code 40XL2} Derby lock wait timeout; {@code 55P03} PostgreSQL lock not available
 * ({@code lock_timeout}): another transaction holds what we need for longer than we wait.
 * <li>{@code 57014} query cancelled (PostgreSQL's answer to the JDBC query timeout) and Derby's {@code XCL52}
 * (statement cancelled or timed out): the database did not answer within the timeout.
 * <li>{@code 57P01}, {@code 57P02}, {@code 57P03} PostgreSQL shutting down, crashed, not yet accepting connections
 * (what killed or restarting backends report).
 * <li>{@code 53xxx} insufficient resources (too many connections, disk full, out of memory).
 * <li>{@code XJ040} Derby failed to start the database, {@code XJ041} failed to create it (what a URL with
 * {@code ;create=true} reports when the directory is there but cannot be booted), {@code XJ004} database not found,
 * {@code XJ015} the Derby system was shut down.
 * <li>{@code 42P01} / {@code 3F000} (PostgreSQL) and {@code 42X05} / {@code 42Y07} (Derby), table or schema does not
 * exist: the gateway's SQL names only tables that the start-up migration created and checked, so at run time these
 * mean that the database reached has lost the schema (a fail-over to a replica not yet restored, a restore in
 * progress, a schema renamed away). Readiness reports the database DOWN in exactly that case, and the API says the
 * same instead of claiming an internal error.
 * </ul>
 * Not counted: constraint violations ({@code 23xxx}), data errors ({@code 22xxx}), syntax or other schema errors and
 * optimistic-lock conflicts: repeating the same request would fail the same way.
 */
public final class DatabaseFailures {

    private static final Set<String> STATES = Set.of("40001", "40P01", "40XL1", "40XL2", "55P03", "57014", "XCL52",
            "57P01", "57P02", "57P03", "XJ040", "XJ041", "XJ004", "XJ015", "42P01", "3F000", "42X05", "42Y07");
    private static final Set<String> CLASSES = Set.of("08", "53");

    private DatabaseFailures() {
    }

    /** Whether {@code failure} (or anything in its cause chain) says the database is unavailable for now. */
    public static boolean unavailable(Throwable failure) {
        return reason(failure).isPresent();
    }

    /**
     * Why the database counts as unavailable: the SQLState (e.g. {@code 08006}) or the exception's simple name when
     * it carries none; empty when {@code failure} is no such failure. Safe to log: no message text, no SQL.
     */
    public static Optional<String> reason(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty()) {
            Throwable t = next.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                Optional<String> reason = reason(sql);
                if (reason.isPresent()) {
                    return reason;
                }
                // a batch or a driver may chain the real failure here instead of as the cause
                Optional.ofNullable(sql.getNextException()).ifPresent(next::add);
            } else if (t instanceof QueryTimeoutException || t instanceof LockTimeoutException
                    || t instanceof PessimisticLockException) {
                return Optional.of(t.getClass().getSimpleName());
            }
            Optional.ofNullable(t.getCause()).ifPresent(next::add);
        }
        return Optional.empty();
    }

    /** Whether a SQLState is one of those listed in the class comment. */
    static boolean unavailableState(String state) {
        return state != null && state.length() == 5 && (STATES.contains(state) || CLASSES.contains(state.substring(0, 2)));
    }

    private static Optional<String> reason(SQLException e) {
        if (unavailableState(e.getSQLState())) {
            return Optional.of(e.getSQLState());
        }
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException || e instanceof SQLTimeoutException
                || e instanceof SQLTransactionRollbackException) {
            return Optional.of(e.getSQLState() == null ? e.getClass().getSimpleName() : e.getSQLState());
        }
        return Optional.empty();
    }
}
