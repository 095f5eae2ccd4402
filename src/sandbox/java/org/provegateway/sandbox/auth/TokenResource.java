package org.provegateway.sandbox.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.provegateway.sandbox.platform.FormBody;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.platform.SandboxError;

/**
 * {@code POST /token}: OAuth 2.0 client credentials, form-encoded (docs/sandbox.md section 2).
 *
 * <p>Checks, in order: {@code client_id}, {@code client_secret}, {@code grant_type} present (400 / 1001);
 * {@code grant_type=client_credentials} (400 / 1001); credentials (401 / 8002). The form is parsed from the raw body
 * whatever the {@code Content-Type}, so a JSON body simply lacks the fields. {@code scope} is ignored.
 */
@RequestScoped
@Path("token")
public class TokenResource {

    @Inject
    ClientCredentials credentials;

    @Inject
    AccessTokens tokens;

    @POST
    public Response token(byte[] body) {
        Map<String, String> form = FormBody.parse(body);
        for (String field : new String[] {"client_id", "client_secret", "grant_type"}) {
            if (form.getOrDefault(field, "").isBlank()) {
                throw SandboxError.missingField(field);
            }
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw new SandboxError(400, 1001, "grant_type must be client_credentials");
        }
        if (!credentials.accept(form.get("client_id"), form.get("client_secret"))) {
            throw SandboxError.notAuthorized();
        }
        AccessTokens.Grant grant = tokens.issue(form.get("client_id"));
        Response answer = JsonAnswer.object()
                .add("access_token", grant.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", grant.expiresIn())
                .ok();
        return Response.fromResponse(answer).header("Cache-Control", "no-store").build();
    }
}
