package org.provegateway.sandbox.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.provegateway.sandbox.calls.Fault;
import org.provegateway.sandbox.calls.Faults;
import org.provegateway.sandbox.platform.FieldRule;
import org.provegateway.sandbox.platform.RequestFields;
import org.provegateway.sandbox.platform.SandboxError;

/**
 * Fault injection for the next calls of one endpoint ({@code /token} or a {@code /v3/...} path).
 * <ul>
 * <li>{@code POST /control/faults}
 * {@code {"endpoint":"/v3/unify","count":1,"status":503,"retryAfterSeconds":5,"code":8000,"message":"..."}},
 * {@code {"endpoint":..,"count":N,"delayMillis":3000}} or {@code {"endpoint":..,"count":N,"drop":true}};
 * {@code delayMillis} may accompany {@code status} or {@code drop}. Answers 201 with the fault and its id.</li>
 * <li>{@code GET /control/faults}: the pending faults with their remaining counts.</li>
 * <li>{@code DELETE /control/faults}: removes them all (204).</li>
 * </ul>
 */
@RequestScoped
@Path("control/faults")
public class FaultsResource {

    @Inject
    Faults faults;

    @POST
    public Response add(byte[] body) {
        RequestFields request = RequestFields.parse(body);
        request.require("endpoint");
        String endpoint = request.requiredText("endpoint", FieldRule.TEXT);
        if (!endpoint.equals("/token") && !endpoint.startsWith("/v3/")) {
            throw SandboxError.malformed("endpoint must be /token or a /v3/... path");
        }
        int count = (int) request.number("count", 1, Integer.MAX_VALUE).orElse(1);
        long delayMillis = request.number("delayMillis", 0, 600_000).orElse(0);
        OptionalInt status = toInt(request.number("status", 400, 599));
        OptionalInt retryAfter = toInt(request.number("retryAfterSeconds", 0, 86_400));
        OptionalInt code = toInt(request.number("code", 0, Integer.MAX_VALUE));
        boolean drop = request.flag("drop").orElse(false);
        if (drop && status.isPresent()) {
            throw SandboxError.malformed("a fault is either status or drop, not both");
        }
        if (!drop && status.isEmpty() && delayMillis == 0) {
            throw SandboxError.malformed("a fault needs status, drop or delayMillis");
        }
        Fault fault = faults.add(new Fault(0, endpoint, count, delayMillis, status, retryAfter, code,
                request.text("message", FieldRule.TEXT), drop));
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(fault.toJson().toString()).build();
    }

    @GET
    public Response pending() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        faults.pending().forEach(f -> list.add(f.toJson()));
        return Response.ok(list.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @DELETE
    public Response clear() {
        faults.clear();
        return Response.noContent().build();
    }

    private static OptionalInt toInt(OptionalLong value) {
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }
}
