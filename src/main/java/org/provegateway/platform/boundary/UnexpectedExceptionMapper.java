package org.provegateway.platform.boundary;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.provegateway.platform.control.ProblemType;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything else. A body that JSON-B cannot bind is the caller's fault (400); every other surprise is a 500 whose
 * detail carries only an incident id, logged with the stack trace so operators can find it.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

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
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure on " + path + ", incident " + incident, failure);
        return ProblemResponses.of(Problem.of(ProblemType.INTERNAL, "Internal error, incident " + incident, path),
                null);
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
