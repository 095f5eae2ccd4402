package org.provegateway.sandbox.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.provegateway.sandbox.platform.SandboxError;

/**
 * Before every {@code /v3} call, after fault injection and before the body is read: a known, unexpired bearer token
 * (else 401 / 8002, D6), then the per-client rate limit (else 429 with {@code Retry-After: 1}, D7).
 */
@ApplicationScoped
@Provider
@ProveApi
@Priority(Priorities.AUTHENTICATION)
public class BearerCheck implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    AccessTokens tokens;

    @Inject
    RateLimiter rateLimiter;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> clientId = Optional.ofNullable(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(h -> h.substring(BEARER.length()).trim())
                .flatMap(tokens::clientOf);
        if (clientId.isEmpty()) {
            request.abortWith(SandboxError.notAuthorized().toResponse());
        } else if (!rateLimiter.tryAcquire(clientId.get())) {
            request.abortWith(SandboxError.rateLimited().toResponse());
        }
    }
}
