package org.provegateway.binding.boundary;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.provegateway.ProveService;
import org.provegateway.binding.control.BindingView;
import org.provegateway.binding.control.KeyBindings.Lookup;
import org.provegateway.platform.boundary.Problem;
import org.provegateway.platform.boundary.Uuid;
import org.provegateway.platform.control.GatewayException;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The Prove Key binding registry, for batch jobs (lookups) and operators (revocation). */
@Path("key-bindings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Key bindings", description = "Which Prove Key is bound to which number, device, person and customer")
public class KeyBindingsResource {

    /** Device ids, Prove ids and customer references: the characters the flows accept for them. */
    private static final String ID = "[A-Za-z0-9._:-]+";
    private static final String ID_RULE = "may contain only letters, digits and . _ : -";

    @Inject
    ProveService prove;

    @GET
    @Operation(summary = "Find bindings by exactly one of phoneNumber, customerReference, deviceId, proveId",
            description = "Newest first, every state (ACTIVE, STALE, SUPERSEDED, REVOKED, DEACTIVATED), with history.")
    @APIResponse(responseCode = "200", description = "The bindings (possibly none)")
    @APIResponse(responseCode = "400", description = "Not exactly one lookup parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<BindingView> find(@QueryParam("phoneNumber") @Size(max = 32) String phoneNumber,
            @QueryParam("customerReference") @Size(max = 64) @Pattern(regexp = ID, message = ID_RULE)
            String customerReference,
            @QueryParam("deviceId") @Size(max = 64) @Pattern(regexp = ID, message = ID_RULE) String deviceId,
            @QueryParam("proveId") @Size(max = 64) @Pattern(regexp = ID, message = ID_RULE) String proveId) {
        int given = count(phoneNumber) + count(customerReference) + count(deviceId) + count(proveId);
        if (given != 1) {
            throw GatewayException.invalidField("query",
                    "give exactly one of phoneNumber, customerReference, deviceId, proveId");
        }
        if (phoneNumber != null) {
            return prove.findBindings(Lookup.PHONE_NUMBER, phoneNumber);
        }
        if (customerReference != null) {
            return prove.findBindings(Lookup.CUSTOMER_REF, customerReference);
        }
        if (deviceId != null) {
            return prove.findBindings(Lookup.DEVICE_ID, deviceId);
        }
        return prove.findBindings(Lookup.PROVE_ID, proveId);
    }

    @GET
    @Path("{bindingId}")
    @Operation(summary = "One binding with its history")
    @APIResponse(responseCode = "200", description = "The binding",
            content = @Content(schema = @Schema(implementation = BindingView.class)))
    @APIResponse(responseCode = "404", description = "binding-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BindingView get(@PathParam("bindingId") @Uuid String bindingId) {
        return prove.binding(bindingId);
    }

    @POST
    @Path("{bindingId}/revoke")
    @Operation(summary = "Revoke a binding's Prove Key", description = "Calls Prove's /v3/device/revoke, then marks "
            + "the binding REVOKED. A binding that is no longer live is answered unchanged.")
    @APIResponse(responseCode = "200", description = "The binding, now REVOKED")
    @APIResponse(responseCode = "404", description = "binding-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BindingView revoke(@PathParam("bindingId") @Uuid String bindingId) {
        return prove.revokeBinding(bindingId, null);
    }

    private static int count(String value) {
        return value == null || value.isBlank() ? 0 : 1;
    }
}
