package it.org.provegateway.support;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * TEST ONLY: a tiny WAR (built by ShrinkWrap in {@code JwtIT}, deployed only to the integration-test server) that
 * plays the bank's identity provider's JWKS endpoint: the test generates a key pair, PUTs its public key here, and
 * the production mpJwt configuration (test.xml points {@code jwt.jwks-uri} here) verifies tokens against it.
 */
@Path("jwks")
public class JwksProbe {

    private static volatile String keys = "{\"keys\":[]}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String keys() {
        return keys;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public void publish(String jwks) {
        keys = jwks;
    }

    /** The probe's JAX-RS application. */
    @ApplicationPath("/")
    public static class ProbeApplication extends Application {
    }
}
