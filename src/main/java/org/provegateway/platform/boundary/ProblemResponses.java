package org.provegateway.platform.boundary;

import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds the HTTP answer for a {@link Problem}; used only by the exception mappers. */
final class ProblemResponses {

    static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/._~-]{1,200}");

    private ProblemResponses() {
    }

    /**
     * The problem's {@code instance}: the request path as sent (still percent-encoded), when it is short and plain;
     * otherwise none. A hostile path (a script, SQL, a 300-character "id") is never echoed to the caller or logged.
     */
    static String instance(UriInfo uri) {
        String path = uri.getRequestUri().getRawPath();
        return path != null && SAFE_PATH.matcher(path).matches() ? path : null;
    }

    static Response of(Problem problem, Duration retryAfter) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfter != null) {
            answer.header("Retry-After", Math.max(1, retryAfter.toSeconds()));
        }
        return answer.build();
    }
}
