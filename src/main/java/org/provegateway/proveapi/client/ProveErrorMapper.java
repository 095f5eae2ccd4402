package org.provegateway.proveapi.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import org.provegateway.proveapi.ProveHttpException;
import org.provegateway.proveapi.wire.ErrorBody;

/**
 * Turns every non-2xx answer from Prove into a {@link ProveHttpException} subtype carrying the HTTP status,
 * Prove's {@code code} and {@code message}, and {@code Retry-After}. A body that cannot be read still gives a
 * typed exception.
 */
public class ProveErrorMapper implements ResponseExceptionMapper<ProveHttpException> {

    private final Clock clock;

    public ProveErrorMapper() {
        this(Clock.systemUTC());
    }

    ProveErrorMapper(Clock clock) {
        this.clock = clock;
    }

    /** Every status outside 2xx, not only 4xx/5xx: an unexpected redirect is an error for a JSON API too. */
    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status < 200 || status >= 300;
    }

    @Override
    public ProveHttpException toThrowable(Response response) {
        ErrorBody body = ErrorBodies.parse(readBody(response));
        return ProveHttpException.of(response.getStatus(), body.code(), body.message(),
                RetryAfter.parse(response.getHeaderString(HttpHeaders.RETRY_AFTER), clock).orElse(null));
    }

    private static String readBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (ProcessingException | IllegalStateException e) {
            return null;
        }
    }
}
