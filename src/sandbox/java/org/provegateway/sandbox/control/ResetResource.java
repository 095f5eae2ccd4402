package org.provegateway.sandbox.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.provegateway.sandbox.auth.AccessTokens;
import org.provegateway.sandbox.auth.RateLimiter;
import org.provegateway.sandbox.calls.CallRecorder;
import org.provegateway.sandbox.calls.Faults;
import org.provegateway.sandbox.flows.Flows;
import org.provegateway.sandbox.keys.ProveKeys;
import org.provegateway.sandbox.platform.Settings;

/**
 * {@code POST /control/reset}: forgets flows, Prove Keys (and Penny's first-key history), access tokens, rate-limit
 * windows, faults and call counters, and restores the default settings. 204.
 */
@RequestScoped
@Path("control/reset")
public class ResetResource {

    @Inject
    Flows flows;

    @Inject
    ProveKeys keys;

    @Inject
    AccessTokens tokens;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    Faults faults;

    @Inject
    CallRecorder calls;

    @Inject
    Settings settings;

    @POST
    public Response reset() {
        flows.clear();
        keys.clear();
        tokens.clear();
        rateLimiter.clear();
        faults.clear();
        calls.clear();
        settings.reset();
        return Response.noContent().build();
    }
}
