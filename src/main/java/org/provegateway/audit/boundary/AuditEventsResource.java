package org.provegateway.audit.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.provegateway.audit.control.AuditEvents;
import org.provegateway.audit.control.AuditFilter;
import org.provegateway.audit.control.AuditPage;
import org.provegateway.platform.boundary.GatewayApplication;
import org.provegateway.platform.boundary.Problem;
import org.provegateway.platform.boundary.Roles;
import org.provegateway.platform.boundary.Uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit trail, read by the bank's security team (role {@code auditor}). */
@Path("audit-events")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = GatewayApplication.JWT)
@Tag(name = "Audit trail", description = "Who did which step of which flow, or changed which key binding, and when")
public class AuditEventsResource {

    @Inject
    AuditEvents events;

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Audit rows matching every filter given, oldest first, a page at a time",
            description = "Start without 'after', then pass each page's nextCursor with the same filters. Rows hold "
                    + "no personal data (the phone number masked to its last four digits). Rows written in the last "
                    + "few seconds may still be committing: for a complete export, end the range ('to') a minute "
                    + "in the past. Cursors are signed by this installation; any other is a 400.")
    @APIResponse(responseCode = "200", description = "A page of audit rows",
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "A filter, cursor or limit that is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "unauthenticated: missing, expired or wrong credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden: the caller is not an auditor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage read(
            @Parameter(description = "Only rows of this flow") @QueryParam("flowId") @Uuid String flowId,
            @Parameter(description = "Only rows of this key binding") @QueryParam("bindingId") @Uuid String bindingId,
            @Parameter(description = "Only rows of this caller (the JWT's upn), or 'system'")
            @QueryParam("principal") @Size(max = 128) @Pattern(regexp = "[^\\p{Cntrl}]+",
                    message = "may not contain control characters") String principal,
            @Parameter(description = "Only rows of this action, e.g. POSSESSION_START, FLOW_NOT_OWNED")
            @QueryParam("action") @Size(max = 32) @Pattern(regexp = "[A-Z_]+",
                    message = "must be an audit action such as POSSESSION_START") String action,
            @Parameter(description = "Rows at or after this time (ISO-8601 with offset, e.g. 2026-11-22T00:00:00Z)")
            @QueryParam("from") @Size(max = 40) String from,
            @Parameter(description = "Rows before this time (ISO-8601 with offset)")
            @QueryParam("to") @Size(max = 40) String to,
            @Parameter(description = "nextCursor of an earlier page; none: from the oldest row kept")
            @QueryParam("after") @Size(max = 64) String after,
            @Parameter(description = "Most rows in the page: 1 to 1000, default 100")
            @QueryParam("limit") @Size(max = 10) String limit) {
        return events.read(new AuditFilter(flowId, bindingId, principal, action, from, to), after, limit);
    }
}
