package org.provegateway.idempotency.boundary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;

import org.provegateway.idempotency.control.IdempotentRequests;
import org.provegateway.idempotency.control.IdempotentRequests.Claim;
import org.provegateway.idempotency.control.IdempotentRequests.Owner;
import org.provegateway.idempotency.control.IdempotentRequests.Replay;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

/**
 * The HTTP side of {@code Idempotency-Key} on {@link Idempotent} methods: fingerprints the request (method, path,
 * body bytes), asks {@link IdempotentRequests} what to do, and either answers a repeat with the recorded status,
 * {@code Location}, content type and body (plus {@code Idempotent-Replayed: true}), or lets the request run and
 * records the answer exactly as it is written to the caller.
 *
 * <p>Answers of 500 and above are not recorded: they say "try again" (Prove unavailable, a timeout, an internal
 * error), so the key is freed and a repeat runs again. Every other answer, 4xx problems included, is final for its
 * key. Runs after authentication ({@link Priorities#USER}), so the caller's principal is known.
 */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final String OWNER = IdempotencyFilter.class.getName() + ".owner";
    private static final String STATUS = IdempotencyFilter.class.getName() + ".status";
    private static final String LOCATION = IdempotencyFilter.class.getName() + ".location";

    @Inject
    IdempotentRequests requests;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String scope = Optional.ofNullable(request.getSecurityContext()).map(c -> c.getUserPrincipal())
                .map(Principal::getName).filter(name -> !name.isBlank()).orElse(IdempotentRequests.ANONYMOUS);
        String fingerprint = IdempotentRequests.fingerprint(request.getMethod(),
                request.getUriInfo().getPath(), body);
        Claim claim = requests.claim(scope, key, fingerprint);
        if (claim instanceof Replay replay) {
            Response.ResponseBuilder answer = Response.status(replay.status()).header(REPLAYED, "true");
            replay.mediaType().ifPresent(answer::type);
            replay.location().ifPresent(location -> answer.header(HttpHeaders.LOCATION, location));
            replay.body().ifPresent(answer::entity);
            request.abortWith(answer.build());
        } else if (claim instanceof Owner owner) {
            request.setProperty(OWNER, owner);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(OWNER) instanceof Owner owner)) {
            return;
        }
        int status = response.getStatus();
        if (status >= 500) {
            request.removeProperty(OWNER);
            requests.abandon(owner);
        } else if (!response.hasEntity()) {
            request.removeProperty(OWNER);
            requests.finish(owner, status, null, response.getHeaderString(HttpHeaders.LOCATION), null);
        } else {
            request.setProperty(STATUS, status);
            request.setProperty(LOCATION, response.getHeaderString(HttpHeaders.LOCATION));
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(OWNER) instanceof Owner owner) || !(context.getProperty(STATUS) instanceof Integer)) {
            context.proceed();
            return;
        }
        context.removeProperty(OWNER);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        OutputStream original = context.getOutputStream();
        context.setOutputStream(new FilterOutputStream(original) {
            @Override
            public void write(int b) throws IOException {
                copy.write(b);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                copy.write(b, off, len);
                out.write(b, off, len);
            }
        });
        boolean written = false;
        try {
            context.proceed();
            written = true;
        } finally {
            if (written) {
                requests.finish(owner, (Integer) context.getProperty(STATUS),
                        context.getMediaType() == null ? null : context.getMediaType().toString(),
                        (String) context.getProperty(LOCATION), copy.toString(StandardCharsets.UTF_8));
            } else {
                requests.abandon(owner);
            }
        }
    }
}
