package org.provegateway.sandbox.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Keeps JAX-RS's own routing errors (unknown path, wrong method, unsupported media type) in the JSON error format,
 * without a code.
 *
 * <p>Behaviour choice: under {@code /token} and {@code /v3} a wrong path or method answers HTTP 403
 * {@code {"message":"forbidden"}}, because Prove's status-code page says a 403 "can also come from a wrong URL or a
 * wrong HTTP method". Under {@code /control} the real status (404, 405, ...) is kept.
 */
@Provider
public class RoutingErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String path = uriInfo.getPath().startsWith("/") ? uriInfo.getPath().substring(1) : uriInfo.getPath();
        boolean proveApi = path.equals("token") || path.startsWith("token/") || path.startsWith("v3");
        if (proveApi && (status == 404 || status == 405)) {
            return SandboxError.of(403, OptionalInt.empty(), "forbidden", Map.of()).toResponse();
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String message = type == null ? "request failed" : type.getReasonPhrase().toLowerCase(Locale.ROOT);
        Response answer = SandboxError.of(status, OptionalInt.empty(), message, Map.of()).toResponse();
        String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? answer : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
    }
}
