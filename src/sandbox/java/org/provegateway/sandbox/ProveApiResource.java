package org.provegateway.sandbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.provegateway.sandbox.auth.ProveApi;
import org.provegateway.sandbox.identity.IdentityApi;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.unify.UnifyApi;

/**
 * Prove's {@code /v3} API: every operation is {@code POST} with a JSON body. One class so that the {@code /v3} root is
 * not shared by several resources. Bodies are taken raw (no {@code @Consumes}): size, syntax and shape are checked by
 * the emulator itself so that every failure is Prove's 8001 rather than a JAX-RS 415/400.
 */
@RequestScoped
@Path("v3")
@ProveApi
public class ProveApiResource {

    @Inject
    UnifyApi unify;

    @Inject
    IdentityApi identity;

    @POST
    @Path("unify")
    public Response unify(byte[] body) {
        return JsonAnswer.ok(unify.unify(body));
    }

    @POST
    @Path("unify-status")
    public Response unifyStatus(byte[] body) {
        return JsonAnswer.ok(unify.status(body));
    }

    @POST
    @Path("unify-bind")
    public Response unifyBind(byte[] body) {
        return JsonAnswer.ok(unify.bind(body));
    }

    @POST
    @Path("device/revoke")
    public Response revokeDevice(byte[] body) {
        return JsonAnswer.ok(unify.revoke(body));
    }

    @POST
    @Path("start")
    public Response start(byte[] body) {
        return JsonAnswer.ok(identity.start(body));
    }

    @POST
    @Path("validate")
    public Response validate(byte[] body) {
        return JsonAnswer.ok(identity.validate(body));
    }

    @POST
    @Path("challenge")
    public Response challenge(byte[] body) {
        return JsonAnswer.ok(identity.challenge(body));
    }

    @POST
    @Path("complete")
    public Response complete(byte[] body) {
        return JsonAnswer.ok(identity.complete(body));
    }
}
