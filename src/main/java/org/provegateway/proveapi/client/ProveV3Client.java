package org.provegateway.proveapi.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.provegateway.proveapi.wire.ChallengeRequest;
import org.provegateway.proveapi.wire.ChallengeResponse;
import org.provegateway.proveapi.wire.CompleteRequest;
import org.provegateway.proveapi.wire.CompleteResponse;
import org.provegateway.proveapi.wire.DeviceRevokeRequest;
import org.provegateway.proveapi.wire.DeviceRevokeResponse;
import org.provegateway.proveapi.wire.StartRequest;
import org.provegateway.proveapi.wire.StartResponse;
import org.provegateway.proveapi.wire.UnifyBindRequest;
import org.provegateway.proveapi.wire.UnifyBindResponse;
import org.provegateway.proveapi.wire.UnifyRequest;
import org.provegateway.proveapi.wire.UnifyResponse;
import org.provegateway.proveapi.wire.UnifyStatusRequest;
import org.provegateway.proveapi.wire.UnifyStatusResponse;
import org.provegateway.proveapi.wire.ValidateRequest;
import org.provegateway.proveapi.wire.ValidateResponse;

/**
 * Prove's {@code /v3} operations: all {@code POST}, JSON in and out, each with {@code Authorization: Bearer ...}
 * (the caller passes the whole header value).
 */
@Path("/v3")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ProveV3Client {

    @POST
    @Path("/unify")
    UnifyResponse unify(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, UnifyRequest request);

    @POST
    @Path("/unify-status")
    UnifyStatusResponse unifyStatus(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            UnifyStatusRequest request);

    @POST
    @Path("/unify-bind")
    UnifyBindResponse unifyBind(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            UnifyBindRequest request);

    @POST
    @Path("/device/revoke")
    DeviceRevokeResponse revokeDevice(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            DeviceRevokeRequest request);

    @POST
    @Path("/start")
    StartResponse start(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, StartRequest request);

    @POST
    @Path("/validate")
    ValidateResponse validate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            ValidateRequest request);

    @POST
    @Path("/challenge")
    ChallengeResponse challenge(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            ChallengeRequest request);

    @POST
    @Path("/complete")
    CompleteResponse complete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            CompleteRequest request);
}
