package org.provegateway.possession.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.provegateway.ProveService;
import org.provegateway.idempotency.boundary.Idempotent;
import org.provegateway.idempotency.boundary.IdempotencyFilter;
import org.provegateway.platform.boundary.GatewayApplication;
import org.provegateway.platform.boundary.Problem;
import org.provegateway.platform.boundary.Roles;
import org.provegateway.platform.boundary.Uuid;
import org.provegateway.possession.control.PossessionStarted;
import org.provegateway.possession.control.PossessionView;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Unified Authentication flows: start, get the outcome once the client step has finished, read, bind after the bank's
 * own possession check.
 */
@Path("possession-flows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = GatewayApplication.JWT)
@APIResponse(responseCode = "401", description = "unauthenticated: missing, expired or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "forbidden: the caller lacks the endpoint's role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "Unified Authentication", description = "Phone possession: Prove Key, Mobile Auth, SMS OTP, "
        + "Instant Link, or the bank's own check followed by a bind")
@RolesAllowed(Roles.FLOW_RUNNER)
public class PossessionFlowsResource {

    static final String IDEMPOTENCY_KEY = "Optional. A repeat with the same key and the same body gets the first "
            + "answer (status and body, header Idempotent-Replayed: true) without calling Prove again; the same key "
            + "with another body is refused (422 idempotency-key-reused); a repeat while the first is still running "
            + "waits for it (409 request-in-progress after idempotency.wait). Kept for idempotency.ttl (15 min).";

    @Inject
    ProveService prove;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Start a possession flow", description = "Calls Prove's /v3/unify. Answers the gateway's "
            + "flow id and the authToken for Prove's client SDK; Prove's correlationId stays on the server.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "mobile",
            value = "{\"phoneNumber\":\"2001004014\",\"possessionType\":\"mobile\",\"customerReference\":\"CUST-1\"}")))
    @APIResponse(responseCode = "201", description = "Flow started",
            content = @Content(schema = @Schema(implementation = PossessionStarted.class), examples = @ExampleObject(
                    name = "started", value = "{\"flowId\":\"4f0e6c1e-7f43-4bd7-9a43-0d0c7f0b7a11\",\"authToken\":"
                            + "\"eyJhbGciOi...\",\"possessionType\":\"mobile\",\"status\":\"PENDING\","
                            + "\"clientRequestId\":\"71010d88-d0e7-4a24-9297-d1be6fefde81\",\"deviceRecovered\":false,"
                            + "\"expiresAt\":\"2026-11-23T10:15:00Z\"}")))
    @APIResponse(responseCode = "400", description = "Invalid request (the problem names the field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "key-revoked: the device's Prove Key was revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "Prove rejected the request or answered an error",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Prove unavailable or rate-limited (Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "504", description = "Prove did not answer in time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Idempotent
    @APIResponse(responseCode = "422", description = "prove-rejected-input: Prove refused the input, e.g. a number "
            + "that is no sandbox test user (proveCode 8007) or one of another product (8009); or "
            + "idempotency-key-reused: the Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyFilter.HEADER, required = false,
            description = IDEMPOTENCY_KEY, schema = @Schema(type = SchemaType.STRING, maxLength = 128))
    public Response start(@Valid @NotNull StartPossessionRequest request) {
        PossessionStarted started = prove.startPossession(request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(started.flowId()).build()).entity(started).build();
    }

    static final String STATES = "status: PENDING, VERIFIED, POSSESSION_FAILED (9100), REBIND_REQUIRED (9101), "
            + "KEY_REVOKED (8019), RISK_CHECK_FAILED, POSSESSION_REQUIRED, EXPIRED.";
    static final String VERIFIED_EXAMPLE = "{\"flowId\":\"4f0e6c1e-7f43-4bd7-9a43-0d0c7f0b7a11\",\"status\":"
            + "\"VERIFIED\",\"possessionType\":\"mobile\",\"phoneNumber\":\"+12001004014\","
            + "\"proveId\":\"8a6c2f4e-0000-3000-8000-000000000001\",\"deviceId\":"
            + "\"bf9ea15d-7dfa-4bb4-a64c-6c26b53472fc\",\"reasons\":[{\"category\":\"authentication\","
            + "\"result\":\"pass\"}],\"expiresAt\":\"2026-11-23T10:15:00Z\"}";

    @GET
    @Path("{flowId}")
    @Operation(summary = "Read a possession flow", description = "The flow as the gateway last recorded it. Never "
            + "calls Prove (also HEAD): Prove's /v3/unify-status ends the check, so polling this before the customer's "
            + "client step has finished must not, and does not, end it. A flow stays PENDING until POST "
            + ".../result. " + STATES)
    @APIResponse(responseCode = "200", description = "The flow",
            content = @Content(schema = @Schema(implementation = PossessionView.class),
                    examples = @ExampleObject(name = "verified", value = VERIFIED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "flow-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PossessionView status(@PathParam("flowId") @Uuid String flowId) {
        return prove.possessionView(flowId);
    }

    @POST
    @Path("{flowId}/result")
    @Consumes(MediaType.WILDCARD) // no body is read: a bare POST (any or no Content-Type) is the whole request
    @Operation(summary = "Get the outcome once the client step has finished", description = "Call this when "
            + "Prove's client SDK reports that the customer's possession step has finished. Asks Prove "
            + "(/v3/unify-status) once and records the answer; Prove treats that call as final. Repeats after a "
            + "final outcome are answered from the gateway's database without calling Prove; concurrent requests "
            + "for one flow share one Prove call. A flow that waits for the bank's own check (POSSESSION_REQUIRED) "
            + "or has expired is answered as it is. No request body. " + STATES)
    @APIResponse(responseCode = "200", description = "The flow after Prove's answer",
            content = @Content(schema = @Schema(implementation = PossessionView.class),
                    examples = @ExampleObject(name = "verified", value = VERIFIED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "flow-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "key-revoked or step-not-allowed (Prove refused the step)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "flow-expired: Prove no longer knows the flow",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "Prove rejected the request or answered an error",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Prove unavailable or rate-limited (Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "504", description = "Prove did not answer in time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PossessionView result(@PathParam("flowId") @Uuid String flowId) {
        return prove.possessionResult(flowId);
    }

    @POST
    @Path("{flowId}/bind")
    @Operation(summary = "Bind a Prove Key after the bank's own possession check",
            description = "Only for a possessionType=none flow whose status is POSSESSION_REQUIRED; calls Prove's "
                    + "/v3/unify-bind with the flow's phone number.")
    @APIResponse(responseCode = "200", description = "The flow after the bind (VERIFIED or POSSESSION_FAILED)",
            content = @Content(schema = @Schema(implementation = PossessionView.class)))
    @APIResponse(responseCode = "409", description = "step-not-allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "flow-expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Idempotent
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the Idempotency-Key was used for "
            + "another request", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyFilter.HEADER, required = false,
            description = IDEMPOTENCY_KEY, schema = @Schema(type = SchemaType.STRING, maxLength = 128))
    public PossessionView bind(@PathParam("flowId") @Uuid String flowId, @Valid @NotNull BindRequest request) {
        return prove.bindPossession(flowId, request.possessionCheckPassed());
    }
}
