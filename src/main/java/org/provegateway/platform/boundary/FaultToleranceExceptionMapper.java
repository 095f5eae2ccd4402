package org.provegateway.platform.boundary;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.provegateway.platform.control.ProveFailures;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Safety net: a fault-tolerance refusal (open circuit, timeout, full bulkhead) that control code did not translate
 * itself still becomes a 503/504 problem, never a bare 500. Control code normally translates it with
 * {@link ProveFailures}, which also names the flow.
 */
@Provider
public class FaultToleranceExceptionMapper implements ExceptionMapper<FaultToleranceException> {

    private final GatewayExceptionMapper problems = new GatewayExceptionMapper();

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(FaultToleranceException failure) {
        problems.uriInfo = uriInfo;
        return problems.toResponse(ProveFailures.translate(failure, "", null));
    }
}
