package it.org.provegateway.support;

import java.util.function.Function;

import org.provegateway.proveapi.ProveApi;
import org.provegateway.proveapi.ProveApiException;
import org.provegateway.proveapi.ProveHttpException;
import org.provegateway.proveapi.ProveUnavailableException;
import org.provegateway.proveapi.wire.CompleteRequest;
import org.provegateway.proveapi.wire.DeviceRevokeRequest;
import org.provegateway.proveapi.wire.StartRequest;
import org.provegateway.proveapi.wire.UnifyBindRequest;
import org.provegateway.proveapi.wire.UnifyRequest;
import org.provegateway.proveapi.wire.UnifyStatusRequest;
import org.provegateway.proveapi.wire.ValidateRequest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * TEST ONLY: a WAR (built by ShrinkWrap in {@code ProveClientIT}) holding the gateway's real Prove API client
 * ({@code org.provegateway.proveapi}) and this resource, so that tests can drive the client inside Liberty against
 * the deployed emulator and see exactly what it returns or throws.
 */
@Path("call")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProveClientProbe {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    ProveApi prove;

    /** Body: the operation's wire request. Answer: {"outcome":"ok","response":{...}} or the exception's facts. */
    @POST
    @Path("{operation}")
    public JsonObject call(@PathParam("operation") String operation, String body) {
        try {
            Object response = switch (operation) {
                case "unify" -> run(body, UnifyRequest.class, prove::unify);
                case "unify-status" -> run(body, UnifyStatusRequest.class, prove::unifyStatus);
                case "unify-bind" -> run(body, UnifyBindRequest.class, prove::unifyBind);
                case "device-revoke" -> run(body, DeviceRevokeRequest.class, prove::revokeDevice);
                case "start" -> run(body, StartRequest.class, prove::start);
                case "validate" -> run(body, ValidateRequest.class, prove::validate);
                case "complete" -> run(body, CompleteRequest.class, prove::complete);
                default -> throw new NotFoundException();
            };
            return Json.createObjectBuilder().add("outcome", "ok")
                    .add("response", Json.createReader(new java.io.StringReader(JSON.toJson(response))).readObject())
                    .build();
        } catch (ProveApiException e) {
            JsonObjectBuilder failure = Json.createObjectBuilder().add("outcome", "error")
                    .add("exception", e.getClass().getSimpleName()).add("transient", e.isTransient());
            e.proveCode().ifPresent(code -> failure.add("code", code));
            if (e instanceof ProveHttpException http) {
                failure.add("status", http.status());
                http.retryAfter().ifPresent(after -> failure.add("retryAfterSeconds", after.toSeconds()));
            }
            if (e instanceof ProveUnavailableException unavailable) {
                failure.add("timeout", unavailable.isTimeout());
            }
            return failure.build();
        }
    }

    private static <T> Object run(String body, Class<T> type, Function<T, ?> operation) {
        return operation.apply(JSON.fromJson(body, type));
    }

    /** The probe's JAX-RS application. */
    @ApplicationPath("/")
    public static class ProbeApplication extends Application {
    }
}
