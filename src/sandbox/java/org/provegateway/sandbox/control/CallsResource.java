package org.provegateway.sandbox.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.provegateway.sandbox.calls.CallRecorder;
import org.provegateway.sandbox.platform.JsonAnswer;

/**
 * Call counters: {@code GET /control/calls} (all endpoints), {@code GET /control/calls/v3/unify} (one endpoint; zero
 * counts when never called), {@code DELETE /control/calls} (reset, 204).
 */
@RequestScoped
@Path("control/calls")
public class CallsResource {

    @Inject
    CallRecorder calls;

    @GET
    public Response all() {
        return JsonAnswer.ok(calls.all());
    }

    @GET
    @Path("{endpoint: .+}")
    public Response one(@PathParam("endpoint") String endpoint) {
        return JsonAnswer.ok(calls.of("/" + endpoint));
    }

    @DELETE
    public Response clear() {
        calls.clear();
        return Response.noContent().build();
    }
}
