package org.provegateway.proveapi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.provegateway.proveapi.client.ProveV3Client;
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
 * A Prove {@code /v3} stand-in: records every call's {@code Authorization} header and first asks
 * {@code failure} whether to throw for it.
 */
class FakeV3Client implements ProveV3Client {

    record Call(String operation, String authorization) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Function<Call, RuntimeException> failure;

    FakeV3Client(Function<Call, RuntimeException> failure) {
        this.failure = failure;
    }

    static FakeV3Client answering() {
        return new FakeV3Client(call -> null);
    }

    List<Call> calls() {
        return calls;
    }

    private void record(String operation, String authorization) {
        Call call = new Call(operation, authorization);
        calls.add(call);
        RuntimeException error = failure.apply(call);
        if (error != null) {
            throw error;
        }
    }

    @Override
    public UnifyResponse unify(String authorization, UnifyRequest request) {
        record("unify", authorization);
        return new UnifyResponse("pending", "corr-1", "auth-jwt");
    }

    @Override
    public UnifyStatusResponse unifyStatus(String authorization, UnifyStatusRequest request) {
        record("unify-status", authorization);
        return new UnifyStatusResponse("true", "2001004000", "prove-1", "device-1", null, null, null);
    }

    @Override
    public UnifyBindResponse unifyBind(String authorization, UnifyBindRequest request) {
        record("unify-bind", authorization);
        return new UnifyBindResponse("true", request.phoneNumber(), "prove-1", "device-1", null, null, null);
    }

    @Override
    public DeviceRevokeResponse revokeDevice(String authorization, DeviceRevokeRequest request) {
        record("revoke", authorization);
        return new DeviceRevokeResponse(true);
    }

    @Override
    public StartResponse start(String authorization, StartRequest request) {
        record("start", authorization);
        return new StartResponse("auth-jwt", "corr-2", java.util.Map.of("v3-validate", "/v3/validate"));
    }

    @Override
    public ValidateResponse validate(String authorization, ValidateRequest request) {
        record("validate", authorization);
        return new ValidateResponse(true, false, java.util.Map.of("v3-complete", "/v3/complete"), null, null);
    }

    @Override
    public CompleteResponse complete(String authorization, CompleteRequest request) {
        record("complete", authorization);
        return new CompleteResponse(true, java.util.Map.of("done", "done"), null, null, null, null);
    }

    @Override
    public ChallengeResponse challenge(String authorization, ChallengeRequest request) {
        record("challenge", authorization);
        return new ChallengeResponse(true, null, java.util.Map.of("v3-complete", "/v3/complete"), null);
    }
}
