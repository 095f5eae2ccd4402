package org.provegateway.proveapi.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.provegateway.proveapi.wire.TokenResponse;

/**
 * {@code POST {base}/token}: OAuth 2.0 client credentials as a form body (Prove does not use HTTP Basic).
 * The path has no {@code /v3}: Prove answers 403 to {@code /v3/token}.
 */
@Path("/token")
public interface ProveTokenClient {

    /** The only grant type Prove accepts. */
    String CLIENT_CREDENTIALS = "client_credentials";

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    TokenResponse token(@FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret);
}
