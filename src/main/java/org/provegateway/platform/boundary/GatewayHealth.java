package org.provegateway.platform.boundary;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Startup;
import org.provegateway.platform.control.SchemaMigration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Live while the application is deployed; started once the schema migration ran. */
@ApplicationScoped
public class GatewayHealth {

    @Inject
    SchemaMigration schema;

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> HealthCheckResponse.up("gateway");
    }

    @Produces
    @Startup
    HealthCheck started() {
        return () -> HealthCheckResponse.named("schema").status(!"unknown".equals(schema.schemaVersion()))
                .withData("schemaVersion", schema.schemaVersion()).build();
    }
}
