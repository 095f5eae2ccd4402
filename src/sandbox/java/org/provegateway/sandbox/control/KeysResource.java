package org.provegateway.sandbox.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.provegateway.sandbox.keys.ProveKeys;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.platform.SandboxError;

/**
 * {@code GET /control/keys}: the Prove Key of every simulated device,
 * {@code [{"device","deviceId","phoneNumber","proveId","revoked"}]}. {@code DELETE /control/keys/{device}} wipes a
 * device's key (as if the app's data were cleared): 204, or 404 when the device has none.
 */
@RequestScoped
@Path("control/keys")
public class KeysResource {

    @Inject
    ProveKeys keys;

    @GET
    public Response all() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        keys.all().forEach(k -> list.add(k.toJson()));
        return JsonAnswer.ok(list.build());
    }

    @DELETE
    @Path("{device}")
    public Response wipe(@PathParam("device") String device) {
        if (!keys.remove(device)) {
            throw SandboxError.notFound("no Prove Key on device '" + device + "'");
        }
        return Response.noContent().build();
    }
}
