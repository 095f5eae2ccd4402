package org.provegateway.sandbox.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.platform.RequestFields;
import org.provegateway.sandbox.platform.SandboxError;
import org.provegateway.sandbox.platform.Settings;

/**
 * {@code GET /control/settings} and {@code PUT /control/settings} with any of
 * {@code {"flowTtlSeconds":n,"tokenTtlSeconds":n,"rateLimitPerSecond":n}} (whole numbers from 1; unknown names are
 * refused with 400 / 8001). Both answer the current settings.
 */
@RequestScoped
@Path("control/settings")
public class SettingsResource {

    private static final Set<String> NAMES = Set.of("flowTtlSeconds", "tokenTtlSeconds", "rateLimitPerSecond");

    @Inject
    Settings settings;

    @GET
    public Response current() {
        return answer(settings.current());
    }

    @PUT
    public Response update(byte[] body) {
        RequestFields request = RequestFields.parseOptional(body);
        request.names().stream().filter(n -> !NAMES.contains(n)).findFirst().ifPresent(n -> {
            throw SandboxError.malformed("unknown setting '" + n + "'; known: " + String.join(", ", NAMES));
        });
        return answer(settings.update(positive(request, "flowTtlSeconds"), positive(request, "tokenTtlSeconds"),
                positive(request, "rateLimitPerSecond")));
    }

    private static OptionalInt positive(RequestFields request, String name) {
        OptionalLong value = request.number(name, 1, Integer.MAX_VALUE);
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    private static Response answer(Settings.Values values) {
        return JsonAnswer.object()
                .add("flowTtlSeconds", values.flowTtlSeconds())
                .add("tokenTtlSeconds", values.tokenTtlSeconds())
                .add("rateLimitPerSecond", values.rateLimitPerSecond())
                .ok();
    }
}
