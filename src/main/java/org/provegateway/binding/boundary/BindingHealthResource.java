package org.provegateway.binding.boundary;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.provegateway.binding.control.BindingHealthJobs;
import org.provegateway.binding.control.BindingHealthJobs.RunStarted;
import org.provegateway.binding.control.RunView;
import org.provegateway.binding.entity.BindingHealthRun.Trigger;
import org.provegateway.platform.boundary.Problem;
import org.provegateway.platform.boundary.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The binding-health batch job: start (or continue) a run, read its status and report. */
@Path("binding-health/runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BINDING_ADMIN)
@Tag(name = "Binding health", description = "Deactivates bindings unused for 12 months, warns those close to it")
public class BindingHealthResource {

    @Inject
    BindingHealthJobs jobs;

    @POST
    @Operation(summary = "Start a binding-health run", description = "Runs in the background; poll the run. If the "
            + "latest run failed less than a day ago, it is continued after its last committed chunk instead.")
    @APIResponse(responseCode = "202", description = "Started (or continued)",
            content = @Content(schema = @Schema(implementation = RunStarted.class)))
    @APIResponse(responseCode = "409", description = "job-running: a run is in progress somewhere in the cluster",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@Context UriInfo uri) {
        RunStarted started = jobs.start(Trigger.API);
        return Response.accepted(started).location(uri.getAbsolutePathBuilder().path(started.runId()).build())
                .build();
    }

    @GET
    @Operation(summary = "Recent runs, newest first")
    public List<RunView> recent(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return jobs.recent(limit);
    }

    @GET
    @Path("{runId}")
    @Operation(summary = "A run's status and report (counts per outcome)")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "run-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunView get(@PathParam("runId") @Size(max = 36) String runId) {
        return jobs.get(runId);
    }
}
