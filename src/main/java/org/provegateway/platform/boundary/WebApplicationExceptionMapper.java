package org.provegateway.platform.boundary;

import org.provegateway.platform.control.ProblemType;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (unknown path, wrong method, unsupported media type, unreadable body) as
 * problems, so that every non-2xx answer has the same shape.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException failure) {
        int status = failure.getResponse() == null ? 500 : failure.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.INVALID_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.INVALID_REQUEST;
        };
        String detail = switch (type) {
            case INVALID_REQUEST -> "The request body is not valid JSON of the expected shape";
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This resource does not support this method";
            case UNSUPPORTED_MEDIA_TYPE -> "Send application/json";
            default -> type.title();
        };
        var problem = new Problem(type.uri().toString(), type.title(), status, detail,
                ProblemResponses.instance(uriInfo), null, null, null);
        return ProblemResponses.of(problem, null);
    }
}
