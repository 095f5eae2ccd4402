package org.provegateway.audit.control;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Settings of the audit trail and its purge timer. */
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

    /** How often the purge runs; rows only leave once a day matters, so hourly is plenty. */
    @Inject
    @ConfigProperty(name = "audit.purge.interval", defaultValue = "PT1H")
    Duration purgeInterval;

    /** Rows deleted per transaction: keeps locks short on a table that every step writes to. */
    @Inject
    @ConfigProperty(name = "audit.purge.batch-size", defaultValue = "1000")
    int purgeBatchSize;

    /** Batches per timer run, so one run never takes long; the next run continues. */
    @Inject
    @ConfigProperty(name = "audit.purge.max-batches", defaultValue = "20")
    int purgeMaxBatches;

    public Duration retention() {
        return retention;
    }

    public Duration purgeInterval() {
        return purgeInterval;
    }

    public int purgeBatchSize() {
        return purgeBatchSize;
    }

    public int purgeMaxBatches() {
        return purgeMaxBatches;
    }
}
