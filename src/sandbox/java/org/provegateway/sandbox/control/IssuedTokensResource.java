package org.provegateway.sandbox.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.provegateway.sandbox.auth.AccessTokens;
import org.provegateway.sandbox.flows.Flows;

/**
 * {@code GET /control/issued-tokens} → {@code {"accessTokens":[...],"authTokens":[...]}}: every OAuth access token
 * and every {@code authToken} this emulator deployment has handed out, oldest first, including those issued before a
 * {@code POST /control/reset}. Tests scan the gateway's logs and database for them (none may appear there). The
 * emulator's tokens are random and valid only against this emulator; a real Prove has no such endpoint.
 */
@RequestScoped
@Path("control/issued-tokens")
public class IssuedTokensResource {

    @Inject
    AccessTokens tokens;

    @Inject
    Flows flows;

    @GET
    public Response issued() {
        return Response.ok(Json.createObjectBuilder()
                .add("accessTokens", Json.createArrayBuilder(tokens.everIssued()))
                .add("authTokens", Json.createArrayBuilder(flows.everIssuedAuthTokens()))
                .build().toString(), MediaType.APPLICATION_JSON).build();
    }
}
