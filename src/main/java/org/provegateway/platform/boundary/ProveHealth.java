package org.provegateway.platform.boundary;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.provegateway.proveapi.ProveApiConfig;
import org.provegateway.proveapi.ProveCalls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ready only while Prove looks reachable, judged from the calls the gateway makes anyway, never by calling Prove
 * (a probe every few seconds must not spend Prove's quota): DOWN while the credentials are not configured, while a
 * Prove operation's circuit breaker is open, or while the last OAuth token fetch failed (for at most 30 s unless a
 * later fetch succeeds; see {@link ProveCalls}). A DOWN here takes the node out of the load balancer while Prove
 * calls would fail anyway; it comes back by itself when the breaker's delay has passed.
 */
@Readiness
@ApplicationScoped
public class ProveHealth implements HealthCheck {

    @Inject
    ProveCalls calls;

    @Inject
    ProveApiConfig config;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("prove");
        var missing = config.missingKeys();
        var open = calls.openCircuits();
        boolean tokenFailing = calls.tokenFailing();
        if (!missing.isEmpty()) {
            response.withData("missingConfiguration", String.join(",", missing));
        }
        response.withData("openCircuits", String.join(",", open));
        calls.lastTokenFetch().ifPresent(fetch -> response.withData("lastTokenFetch", fetch.outcome())
                .withData("lastTokenFetchAt", fetch.at().toString()));
        return response.status(missing.isEmpty() && open.isEmpty() && !tokenFailing).build();
    }
}
