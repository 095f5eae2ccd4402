package org.provegateway.session.boundary;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.provegateway.idempotency.control.IdempotencyRecords;
import org.provegateway.platform.control.GatewayMetrics;
import org.provegateway.session.control.FlowSessions;
import org.provegateway.session.control.SessionConfig;

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
 * Removes expired flow sessions on an interval ({@code session.purge.interval}), in batches of
 * {@code session.purge.batch-size} rows, each batch its own transaction, once they have been expired for
 * {@code session.purge.grace}; in the same run, {@code Idempotency-Key} records past their expiry
 * ({@code idempotency.ttl}), with the same batch limits.
 *
 * <p>The timer is non-persistent on purpose: Liberty ignores persistent EJB timers without the
 * persistent-timer feature, and a purge needs no catch-up after downtime. Every node of a cluster runs its own;
 * the purge is idempotent, so that is safe. Only sessions whose expiry has passed are touched.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SessionExpiry {

    private static final Logger LOG = Logger.getLogger(SessionExpiry.class.getName());

    @Resource
    TimerService timers;

    @Inject
    FlowSessions sessions;

    @Inject
    IdempotencyRecords idempotencyRecords;

    @Inject
    SessionConfig config;

    @Inject
    Clock clock;

    @Inject
    GatewayMetrics metrics;

    @PostConstruct
    void schedule() {
        long interval = config.purgeInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("flow-session-purge", false));
        LOG.info(() -> "Flow-session purge every " + config.purgeInterval());
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge(Timer timer) {
        int removed = 0;
        try {
            for (int batch = 0; batch < config.purgeMaxBatches(); batch++) {
                int deleted = sessions.purgeExpired(clock.instant().minus(config.purgeGrace()),
                        config.purgeBatchSize());
                removed += deleted;
                if (deleted < config.purgeBatchSize()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // The next run retries; a failing database must not cancel the timer.
            LOG.log(Level.WARNING, "Flow-session purge failed after removing " + removed + " rows: "
                    + e.getClass().getSimpleName());
            metrics.purgeRun(false, removed);
            return;
        }
        metrics.purgeRun(true, removed);
        if (removed > 0) {
            int total = removed;
            LOG.fine(() -> "Removed " + total + " expired flow sessions");
        }
        purgeIdempotencyRecords();
    }

    private void purgeIdempotencyRecords() {
        int removed = 0;
        try {
            for (int batch = 0; batch < config.purgeMaxBatches(); batch++) {
                int deleted = idempotencyRecords.purgeExpired(clock.instant(), config.purgeBatchSize());
                removed += deleted;
                if (deleted < config.purgeBatchSize()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Idempotency-record purge failed after removing " + removed + " rows: "
                    + e.getClass().getSimpleName());
        }
    }
}
