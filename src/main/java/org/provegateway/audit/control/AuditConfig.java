package org.provegateway.audit.control;

import java.time.Duration;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.provegateway.platform.control.PurgeSettings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Settings of the audit trail and its purge timer ({@code audit.*}). */
@ApplicationScoped
public class AuditConfig {

    /**
     * How long audit rows are kept. 400 days: a full year of history for the bank's yearly review and for
     * card-industry rules (PCI DSS 10.5.1 asks for twelve months of audit history), plus a month's margin so the
     * review of the oldest month still finds it. Banks with longer legal retention raise it; the rows hold no
     * personal data beyond a masked phone number.
     */
    @Inject
    @ConfigProperty(name = "audit.retention", defaultValue = "P400D")
    Duration retention;

    @Inject
    Config config;

    private PurgeSettings purge;

    @PostConstruct
    void read() {
        purge = PurgeSettings.read(config, "audit.purge");
    }

    public Duration retention() {
        return retention;
    }

    /** {@code audit.purge.interval}, {@code .batch-size}, {@code .max-duration}. */
    public PurgeSettings purge() {
        return purge;
    }
}
