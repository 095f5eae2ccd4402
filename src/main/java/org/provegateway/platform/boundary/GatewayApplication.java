package org.provegateway.platform.boundary;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The gateway's HTTP API, versioned: everything under {@code /api/v1} keeps its contract. Every endpoint needs a
 * caller with a role ({@link Roles}); production callers authenticate with a MicroProfile JWT (Liberty's mpJwt,
 * configured in server.xml, not here).
 */
@ApplicationPath("/api/v1")
@SecurityScheme(securitySchemeName = GatewayApplication.JWT, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT from the bank's identity provider; its groups claim holds the "
                + "caller's roles: flow-runner, binding-reader, binding-admin")
public class GatewayApplication extends Application {

    /** The name of the security scheme the resources require in the OpenAPI document. */
    public static final String JWT = "jwt";
}
