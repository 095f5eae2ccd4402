package org.provegateway.binding.boundary;

import java.io.InputStream;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.provegateway.ProveService;
import org.provegateway.binding.control.BindingView;
import org.provegateway.binding.control.BulkCheck;
import org.provegateway.binding.control.ChangePage;
import org.provegateway.binding.control.KeyBindings.Lookup;
import org.provegateway.platform.boundary.GatewayApplication;
import org.provegateway.platform.boundary.Problem;
import org.provegateway.platform.boundary.Roles;
import org.provegateway.platform.boundary.Uuid;
import org.provegateway.platform.control.GatewayException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

/** The Prove Key binding registry, for batch jobs (lookups) and operators (revocation). */
@Path("key-bindings")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = GatewayApplication.JWT)
@APIResponse(responseCode = "401", description = "unauthenticated: missing, expired or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "forbidden: the caller lacks the endpoint's role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "Key bindings", description = "Which Prove Key is bound to which number, device, person and customer")
public class KeyBindingsResource {

    /** Device ids, Prove ids and customer references: the characters the flows accept for them. */
    static final String ID = "[A-Za-z0-9._:-]+";
    static final String ID_RULE = "may contain only letters, digits and . _ : -";

    @Inject
    ProveService prove;

    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BINDING_READER, Roles.BINDING_ADMIN})
    @Operation(summary = "Find bindings by exactly one of phoneNumber, customerReference, deviceId, proveId",
            description = "The value goes in the body, never in the URL (proxies, access logs and traces record "
                    + "URLs). Newest first, every state (ACTIVE, STALE, SUPERSEDED, REVOKED, DEACTIVATED), with "
                    + "history.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "phoneNumber", value = "{\"phoneNumber\":\"2001004014\"}"),
            @ExampleObject(name = "customerReference", value = "{\"customerReference\":\"CUST-1\"}")}))
    @APIResponse(responseCode = "200", description = "The bindings (possibly none)")
    @APIResponse(responseCode = "400", description = "Not exactly one of the four, or not a valid value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<BindingView> search(@Valid @NotNull BindingSearch search) {
        int given = count(search.phoneNumber()) + count(search.customerReference()) + count(search.deviceId())
                + count(search.proveId());
        if (given != 1) {
            throw GatewayException.invalidField("body",
                    "give exactly one of phoneNumber, customerReference, deviceId, proveId");
        }
        return lookup(search.phoneNumber(), search.customerReference(), search.deviceId(), search.proveId());
    }

    @GET
    @RolesAllowed({Roles.BINDING_READER, Roles.BINDING_ADMIN})
    @Operation(summary = "Find bindings by exactly one of deviceId, proveId (opaque ids)",
            description = "Newest first, every state, with history. Phone numbers and customer references are not "
                    + "taken in the URL: use POST /key-bindings/search (a request that still sends them here is "
                    + "refused with 400, the value not echoed).")
    @APIResponse(responseCode = "200", description = "The bindings (possibly none)")
    @APIResponse(responseCode = "400", description = "Not exactly one lookup parameter, or personal data in the URL",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<BindingView> find(@Parameter(hidden = true) @QueryParam("phoneNumber") String phoneNumber,
            @Parameter(hidden = true) @QueryParam("customerReference") String customerReference,
            @QueryParam("deviceId") @Size(max = 64) @Pattern(regexp = ID, message = ID_RULE) String deviceId,
            @QueryParam("proveId") @Size(max = 64) @Pattern(regexp = ID, message = ID_RULE) String proveId) {
        for (String personal : new String[] {phoneNumber == null ? null : "phoneNumber",
                customerReference == null ? null : "customerReference"}) {
            if (personal != null) {
                throw GatewayException.invalidField(personal,
                        "is not taken in a URL: POST /key-bindings/search with it in the body");
            }
        }
        int given = count(deviceId) + count(proveId);
        if (given != 1) {
            throw GatewayException.invalidField("query", "give exactly one of deviceId, proveId");
        }
        return lookup(null, null, deviceId, proveId);
    }

    private List<BindingView> lookup(String phoneNumber, String customerReference, String deviceId,
            String proveId) {
        if (count(phoneNumber) == 1) {
            return prove.findBindings(Lookup.PHONE_NUMBER, phoneNumber);
        }
        if (count(customerReference) == 1) {
            return prove.findBindings(Lookup.CUSTOMER_REF, customerReference);
        }
        if (count(deviceId) == 1) {
            return prove.findBindings(Lookup.DEVICE_ID, deviceId);
        }
        return prove.findBindings(Lookup.PROVE_ID, proveId);
    }

    @GET
    @Path("{bindingId}")
    @RolesAllowed({Roles.BINDING_READER, Roles.BINDING_ADMIN})
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
    @RolesAllowed(Roles.BINDING_ADMIN)
    @Operation(summary = "Revoke a binding's Prove Key", description = "Calls Prove's /v3/device/revoke, then marks "
            + "the binding REVOKED. A binding that is no longer live is answered unchanged.")
    @APIResponse(responseCode = "200", description = "The binding, now REVOKED")
    @APIResponse(responseCode = "404", description = "binding-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BindingView revoke(@PathParam("bindingId") @Uuid String bindingId) {
        return prove.revokeBinding(bindingId, null);
    }

    @POST
    @Path("bulk-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BINDING_READER, Roles.BINDING_ADMIN})
    @Operation(summary = "The binding state of up to 10,000 phone numbers or customer references",
            description = "Body: {\"phoneNumbers\": [...]} or {\"customerReferences\": [...]} (exactly one). The "
                    + "answer is streamed: one result per item, in the items' order, with its index and state: ACTIVE, "
                    + "DUE_FOR_DEACTIVATION (unused for 12 months), STALE (Prove answered 9101: rebind required), "
                    + "REVOKED, DEACTIVATED, SUPERSEDED (the key moved to another number), NONE, or INVALID (with an "
                    + "error; an invalid item never fails the batch); upper case, like the states of lookups and the "
                    + "change feed. Several bindings: the best live one counts, "
                    + "else the one that changed last. Phone numbers are answered in E.164 form.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "phoneNumbers", value = "{\"phoneNumbers\":[\"2001004014\",\"+12001004015\"]}"),
            @ExampleObject(name = "customerReferences", value = "{\"customerReferences\":[\"CUST-1\",\"CUST-2\"]}")}))
    @APIResponse(responseCode = "200", description = "One result per item, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "answer",
                    value = "{\"lookup\":\"phoneNumber\",\"results\":[{\"index\":0,\"phoneNumber\":"
                            + "\"+12001004014\",\"state\":\"ACTIVE\",\"bindingId\":\"6f1c…\",\"deviceId\":"
                            + "\"b2a0…\",\"lastUsedAt\":\"2026-01-05T10:00:00Z\",\"stateChangedAt\":"
                            + "\"2025-11-02T09:00:00Z\"},{\"index\":1,\"phoneNumber\":\"+12001004015\","
                            + "\"state\":\"NONE\"},{\"index\":2,\"state\":\"INVALID\",\"error\":"
                            + "\"is not a phone number (NOT_A_NUMBER)\"}],\"count\":3}")))
    @APIResponse(responseCode = "400", description = "Not a JSON object with exactly one of the two arrays",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "payload-too-large: more than 10,000 items",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StreamingOutput bulkCheck(InputStream body) {
        BulkCheck check = prove.readBulkCheck(body);
        return out -> prove.answerBulkCheck(check, out);
    }

    @GET
    @Path("changes")
    @RolesAllowed({Roles.BINDING_READER, Roles.BINDING_ADMIN})
    @Operation(summary = "Every binding change after a cursor, oldest first (the change feed)",
            description = "Start without 'after', then pass each page's nextCursor. Every change appears exactly once, "
                    + "in commit order, even while flows keep changing bindings; an empty page keeps the cursor. "
                    + "Cursors are opaque, signed by this installation, and stay valid; any other is a 400. Each change has the event (BOUND, USED, REBOUND, SUPERSEDED, "
                    + "STALE, REVOKED, DEACTIVATED), the binding's state right after it, and the binding's current "
                    + "identifiers.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "400", description = "Not a cursor of this feed, or limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChangePage changes(
            @Parameter(description = "nextCursor (or a change's cursor) of an earlier page; none: from the start")
            @QueryParam("after") @Size(max = 64) String after,
            @Parameter(description = "Most changes in the page: 1 to 1000 (bindings.changes.max-limit), default 100")
            @QueryParam("limit") @Size(max = 10) String limit) {
        return prove.bindingChanges(after, limit);
    }

    private static int count(String value) {
        return value == null || value.isBlank() ? 0 : 1;
    }
}
