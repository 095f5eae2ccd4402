package org.provegateway.platform.boundary;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import java.time.Duration;

import org.provegateway.platform.control.DatabaseFailures;
import org.provegateway.platform.control.ProblemType;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything else. A body that JSON-B cannot bind is the caller's fault (400). A database that cannot be used right
 * now (unreachable, shut down, timed out, locked: see {@link DatabaseFailures}) is a {@code 503 database-unavailable}
 * with {@code Retry-After}, logged as one WARNING line with an incident id and the SQLState, without the stack trace
 * or the SQL: the database's own state is what operators need, and readiness already reports it. Every other
 * surprise is a 500 whose detail carries only an incident id, logged with the stack trace so operators can find it.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    /**
     * When a caller refused for an unavailable database should try again. 2 s: a held lock, a killed connection or a
     * database fail-over usually clears within seconds, and a caller that waits this long adds at most one request
     * per 2 s to a database that is struggling.
     */
    static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(2);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        String path = ProblemResponses.instance(uriInfo);
        if (causedByJsonBinding(failure)) {
            var problem = Problem.of(ProblemType.INVALID_REQUEST,
                    "The request body is not valid JSON of the expected shape", path);
            return ProblemResponses.of(problem, null);
        }
        if (causedBy(failure, java.io.EOFException.class)) {
            // A body cut short by the caller, read by something other than StrictJsonReader (e.g. the bulk check's
            // stream): the caller's fault, not an incident.
            return ProblemResponses.of(Problem.of(ProblemType.INVALID_REQUEST,
                    "The request body ended before it was complete", path), null);
        }
        String incident = UUID.randomUUID().toString();
        var database = DatabaseFailures.reason(failure);
        if (database.isPresent()) {
            LOG.log(Level.WARNING, "Database unavailable on {0} ({1}), incident {2}",
                    new Object[] {path, database.get(), incident});
            return ProblemResponses.of(Problem.of(ProblemType.DATABASE_UNAVAILABLE,
                    "The gateway's database is unavailable; try again after Retry-After seconds (incident "
                            + incident + ")", path), DATABASE_RETRY_AFTER);
        }
        LOG.log(Level.SEVERE, "Unexpected failure on " + path + ", incident " + incident, failure);
        return ProblemResponses.of(Problem.of(ProblemType.INTERNAL, "Internal error, incident " + incident, path),
                null);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedByJsonBinding(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof jakarta.json.JsonException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
