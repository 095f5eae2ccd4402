package org.provegateway.identity.boundary;

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
import org.provegateway.identity.control.IdentityChallenge;
import org.provegateway.identity.control.IdentityStarted;
import org.provegateway.identity.control.IdentityValidation;
import org.provegateway.identity.control.IdentityVerification;
import org.provegateway.platform.boundary.GatewayApplication;
import org.provegateway.platform.boundary.Problem;
import org.provegateway.platform.boundary.Roles;
import org.provegateway.platform.boundary.Uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Prove Identity and Pre-Fill flows: start, validate the phone after the client's possession step, answer Pre-Fill's
 * challenge when Prove asks for it, complete with the individual.
 */
@Path("identity-flows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = GatewayApplication.JWT)
@APIResponse(responseCode = "401", description = "unauthenticated: missing, expired or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "forbidden: the caller lacks the endpoint's role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "Prove Identity", description = "Phone possession, then identity verification with KYC. The "
        + "individual's data is sent to Prove and never stored or logged by the gateway.")
@RolesAllowed(Roles.FLOW_RUNNER)
public class IdentityFlowsResource {

    static final String IDEMPOTENCY_KEY = "Optional. A repeat with the same key and the same body gets the first "
            + "answer (status and body, header Idempotent-Replayed: true) without calling Prove again; the same key "
            + "with another body is refused (422 idempotency-key-reused); a repeat while the first is still running "
            + "waits for it (409 request-in-progress after idempotency.wait). Kept for idempotency.ttl (15 min).";

    @Inject
    ProveService prove;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Start an identity flow", description = "Calls Prove's /v3/start. Answers the gateway's "
            + "flow id and the authToken for Prove's client SDK; Prove's correlationId stays on the server.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "mobile", value = "{\"phoneNumber\":\"2001004009\",\"flowType\":\"mobile\"}"),
            @ExampleObject(name = "desktop", value = "{\"phoneNumber\":\"2001004009\",\"flowType\":\"desktop\","
                    + "\"finalTargetUrl\":\"https://www.example.com/landing-page\"}")}))
    @APIResponse(responseCode = "201", description = "Flow started",
            content = @Content(schema = @Schema(implementation = IdentityStarted.class), examples = @ExampleObject(
                    name = "started", value = "{\"flowId\":\"0b8e0a52-6f0d-4c59-9a1b-2f1f3e5c7d90\",\"authToken\":"
                            + "\"eyJhbGciOi...\",\"flowType\":\"mobile\",\"status\":\"STARTED\","
                            + "\"expiresAt\":\"2026-11-23T10:15:00Z\"}")))
    @APIResponse(responseCode = "400", description = "Invalid request (the problem names the field)",
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
    public Response start(@Valid @NotNull StartIdentityRequest request) {
        IdentityStarted started = prove.startIdentity(request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(started.flowId()).build()).entity(started).build();
    }

    @POST
    @Path("{flowId}/validate")
    @Operation(summary = "Validate the phone", description = "After the customer's possession step in Prove's client "
            + "SDK; calls Prove's /v3/validate. Only on a STARTED flow, once. The flow follows Prove's next step: "
            + "status VALIDATED with nextStep 'complete' (Prove Identity), CHALLENGE_REQUIRED with nextStep "
            + "'challenge' (Pre-Fill: POST .../challenge next), or VALIDATION_FAILED with nextStep 'none' (the flow "
            + "is over).")
    @APIResponse(responseCode = "200", description = "The validation result",
            content = @Content(schema = @Schema(implementation = IdentityValidation.class), examples = @ExampleObject(
                    name = "validated", value = "{\"flowId\":\"0b8e0a52-6f0d-4c59-9a1b-2f1f3e5c7d90\",\"status\":"
                            + "\"VALIDATED\",\"phoneValidated\":true,\"nextStep\":\"complete\",\"phoneNumber\":"
                            + "\"+12001004009\",\"reasons\":[]}")))
    @APIResponse(responseCode = "404", description = "flow-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "step-not-allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "flow-expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IdentityValidation validate(@PathParam("flowId") @Uuid String flowId) {
        return prove.validateIdentity(flowId);
    }

    @POST
    @Path("{flowId}/challenge")
    @Operation(summary = "Answer Pre-Fill's challenge", description = "Only on a CHALLENGE_REQUIRED flow, once. The "
            + "date of birth and/or SSN (9 digits or the last 4; at least one) are checked, then sent to Prove's "
            + "/v3/challenge. Answers the individual Prove pre-filled (name, date of birth, SSN, addresses, e-mail) "
            + "for the customer to confirm, and status VALIDATED with nextStep 'complete', or CHALLENGE_FAILED with "
            + "nextStep 'none'. The gateway passes the individual through from memory: it is never stored or logged.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "last4", value = "{\"dob\":\"1981-01-17\","
            + "\"ssn\":\"0596\"}")))
    @APIResponse(responseCode = "200", description = "The challenge result and the pre-filled individual",
            content = @Content(schema = @Schema(implementation = IdentityChallenge.class), examples = @ExampleObject(
                    name = "prefilled", value = "{\"flowId\":\"0b8e0a52-6f0d-4c59-9a1b-2f1f3e5c7d90\",\"status\":"
                            + "\"VALIDATED\",\"passed\":true,\"nextStep\":\"complete\",\"individual\":{"
                            + "\"firstName\":\"Milo\",\"lastName\":\"Pinson\",\"dob\":\"1981-01-17\",\"ssn\":"
                            + "\"847350596\",\"addresses\":[{\"address\":\"6377 Birchwood Hill\",\"city\":"
                            + "\"Littleton\",\"region\":\"CO\",\"postalCode\":\"80161-2001\"}],"
                            + "\"emailAddresses\":[\"mpinsonm@dyndns.org\"]},\"reasons\":[]}")))
    @APIResponse(responseCode = "400", description = "Invalid date of birth or SSN, or neither given (the problem "
            + "names the field, never its value)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "flow-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "step-not-allowed (only after a validate that asked for the "
            + "challenge; once)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "flow-expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "prove-rejected-input: Prove refused the input (proveCode)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "Prove answered an error",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IdentityChallenge challenge(@PathParam("flowId") @Uuid String flowId,
            @Valid @NotNull ChallengeIdentityRequest request) {
        return prove.challengeIdentity(flowId, request.toChallenge());
    }

    @POST
    @Path("{flowId}/complete")
    @Operation(summary = "Verify the individual", description = "Only on a VALIDATED flow, once. The individual is "
            + "checked first (first and last name, or SSN; formats), then sent to Prove's /v3/complete. Answers "
            + "IDENTITY_VERIFIED or IDENTITY_NOT_VERIFIED with Prove's reasons (e.g. 9012 SSN, 9013 birth date, "
            + "9014 name, 9015 address mismatch) and the idv/kyc results, which hold verdicts, never the data sent. idv keeps "
            + "Prove's JSON types and meaning: booleans for street, city, region, postal code, dob, last4, ssn and "
            + "e-mail; integer scores for the name parts, the street number and the address; a decimal distance.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "individual", value = "{\"individual\":{"
            + "\"firstName\":\"Benji\",\"lastName\":\"Harper\",\"dob\":\"1994-09-02\",\"ssn\":\"565252770\","
            + "\"addresses\":[{\"address\":\"27 Financial Place\",\"city\":\"Bakersfield\",\"region\":\"CA\","
            + "\"postalCode\":\"93301-2425\"}],\"emailAddresses\":[\"bharperd@superstars.com\"]}}")))
    @APIResponse(responseCode = "200", description = "The verification result",
            content = @Content(schema = @Schema(implementation = IdentityVerification.class), examples = @ExampleObject(
                    name = "verified", value = "{\"flowId\":\"0b8e0a52-6f0d-4c59-9a1b-2f1f3e5c7d90\",\"status\":"
                            + "\"IDENTITY_VERIFIED\",\"verified\":true,\"reasons\":[{\"category\":\"identification\","
                            + "\"result\":\"pass\"}],\"idv\":{\"multiCipConfidence\":\"high\",\"dataSource1\":{"
                            + "\"cipConfidence\":\"high\",\"reasonCodes\":[\"NA\"],\"name\":{\"firstName\":5,"
                            + "\"lastName\":5,\"nameScore\":100},\"identifiers\":{\"dob\":true,\"last4\":true,"
                            + "\"ssn\":true},\"address\":{\"streetNumber\":1,\"street\":true,\"city\":true,"
                            + "\"region\":true,\"postalCode\":true,\"addressScore\":0,\"distance\":6.03},"
                            + "\"email\":{\"emailAddress\":true}}},\"kyc\":{\"totalHits\":0}}")))
    @APIResponse(responseCode = "400", description = "Invalid individual (the problem names the field, never its "
            + "value)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "flow-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "step-not-allowed (validate first; complete runs once)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "flow-expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "Prove rejected the request or answered an error",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IdentityVerification complete(@PathParam("flowId") @Uuid String flowId,
            @Valid @NotNull CompleteIdentityRequest request) {
        return prove.completeIdentity(flowId, request.toPerson());
    }
}
