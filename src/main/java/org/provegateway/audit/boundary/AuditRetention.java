package org.provegateway.audit.boundary;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.provegateway.audit.control.AuditConfig;
import org.provegateway.audit.control.AuditTrail;

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
 * Removes audit rows older than {@code audit.retention}, every {@code audit.purge.interval}, in batches of
 * {@code audit.purge.batch-size} rows, each batch its own transaction.
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

    @PostConstruct
    void schedule() {
        long interval = config.purgeInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("audit-purge", false));
        LOG.info(() -> "Audit purge every " + config.purgeInterval() + ", keeping " + config.retention());
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge(Timer timer) {
        int removed = 0;
        try {
            for (int batch = 0; batch < config.purgeMaxBatches(); batch++) {
                int deleted = audit.purgeOlderThan(clock.instant().minus(config.retention()),
                        config.purgeBatchSize());
                removed += deleted;
                if (deleted < config.purgeBatchSize()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // The next run retries; a failing database must not cancel the timer.
            LOG.log(Level.WARNING, "Audit purge failed after removing " + removed + " rows: "
                    + e.getClass().getSimpleName());
            return;
        }
        if (removed > 0) {
            int total = removed;
            LOG.fine(() -> "Removed " + total + " audit rows past retention");
        }
    }
}
