package org.provegateway.audit.boundary;

import java.time.Clock;
import java.util.logging.Logger;

import org.provegateway.audit.control.AuditConfig;
import org.provegateway.audit.control.AuditTrail;
import org.provegateway.platform.control.BatchedPurge;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Removes audit rows older than {@code audit.retention}, every {@code audit.purge.interval}, with the gateway's one
 * purge loop ({@link BatchedPurge}: batches of {@code audit.purge.batch-size} rows, each its own transaction, until the
 * backlog is gone or {@code audit.purge.max-duration} is reached).
 *
 * <p>Non-persistent like the flow-session purge ({@code SessionExpiry}): Liberty ignores persistent EJB timers
 * without the persistent-timer feature, and a purge needs no catch-up after downtime. Every node runs its own; the
 * purge is idempotent.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AuditTrail audit;

    @Inject
    AuditConfig config;

    @Inject
    Clock clock;

    @Inject
    BatchedPurge purge;

    @PostConstruct
    void schedule() {
        long interval = config.purge().interval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("audit-purge", false));
        LOG.info(() -> "Audit purge every " + config.purge().interval() + ", keeping " + config.retention());
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge(Timer timer) {
        purge.run("audit", config.purge(),
                batchSize -> audit.purgeOlderThan(clock.instant().minus(config.retention()), batchSize));
    }
}
