package org.provegateway.platform.boundary;

import org.eclipse.microprofile.config.ConfigProvider;
import org.provegateway.platform.control.BoundedInput;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.ProblemType;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses request bodies above {@code api.max-body-bytes} with a 413 problem, before anything reads them: at once
 * when {@code Content-Length} says so, otherwise (chunked bodies) as soon as the stream passes the limit, so a
 * hostile client can never make the gateway buffer more than the limit.
 *
 * <p>Why 16 KiB: the largest legitimate request (identity complete with every field at its maximum length, every
 * character a {@code \\uXXXX} escape, pretty-printed) stays under 8 KiB, and Prove itself refuses bodies of 4 KB
 * and more (8001); 16 KiB leaves room for whitespace and new optional fields while keeping per-request memory small.
 *
 * <p>The one exception is the key-binding bulk check (batch callers, up to 10,000 items of at most 256 bytes each,
 * read as a stream item by item, never held as one string): {@code api.max-bulk-check-bytes}, default 4 MiB, which
 * holds 10,000 items at their longest with their quotes and commas (about 2.6 MB).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class RequestSizeLimit implements ContainerRequestFilter {

    static final String KEY = "api.max-body-bytes";
    static final long DEFAULT_MAX = 16 * 1024;

    static final String BULK_KEY = "api.max-bulk-check-bytes";
    static final long DEFAULT_BULK_MAX = 4L * 1024 * 1024;
    private static final String BULK_CHECK_PATH = "key-bindings/bulk-check";

    private final long max = ConfigProvider.getConfig().getOptionalValue(KEY, Long.class).orElse(DEFAULT_MAX);
    private final long bulkMax = ConfigProvider.getConfig().getOptionalValue(BULK_KEY, Long.class)
            .orElse(DEFAULT_BULK_MAX);

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        long limit = path.endsWith(BULK_CHECK_PATH) || path.endsWith(BULK_CHECK_PATH + "/") ? bulkMax : max;
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new BoundedInput(request.getEntityStream(), limit, () -> tooLarge(limit)));
        }
    }

    static GatewayException tooLarge(long max) {
        return GatewayException.invalidField(ProblemType.PAYLOAD_TOO_LARGE, "body",
                "must be at most " + max + " bytes");
    }
}
