package org.provegateway.platform.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.provegateway.platform.control.GatewayException;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the domain's {@link GatewayException} into its problem answer. */
@Provider
public class GatewayExceptionMapper implements ExceptionMapper<GatewayException> {

    private static final Logger LOG = Logger.getLogger(GatewayExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(GatewayException failure) {
        var type = failure.type();
        if (type.status() >= 500) {
            // Only the gateway's own detail text is logged, never the cause: Prove's messages may echo input.
            LOG.log(Level.WARNING, "{0} on {1}: {2}", new Object[] {type, uriInfo.getPath(), failure.getMessage()});
        }
        var problem = new Problem(type.uri().toString(), type.title(), type.status(), failure.getMessage(),
                ProblemResponses.instance(uriInfo), failure.flowId().orElse(null), failure.proveCode().orElse(null),
                failure.fieldErrors().isEmpty() ? null : failure.fieldErrors());
        return ProblemResponses.of(problem, failure.retryAfter().orElse(null));
    }
}
