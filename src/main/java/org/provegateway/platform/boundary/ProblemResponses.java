package org.provegateway.platform.boundary;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

/** Builds the HTTP answer for a {@link Problem}; used only by the exception mappers. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(Problem problem, Duration retryAfter) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfter != null) {
            answer.header("Retry-After", Math.max(1, retryAfter.toSeconds()));
        }
        return answer.build();
    }
}
