package org.provegateway.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The gateway's HTTP API, versioned: everything under {@code /api/v1} keeps its contract. */
@ApplicationPath("/api/v1")
public class GatewayApplication extends Application {
}
