package org.provegateway.session.boundary;

import java.time.Clock;
import java.util.logging.Logger;

import org.provegateway.platform.control.BatchedPurge;
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
 * Removes flow sessions that have been expired for {@code session.purge.grace}, every {@code session.purge.interval},
 * with the gateway's one purge loop ({@link BatchedPurge}: batches of {@code session.purge.batch-size} rows, each its
 * own transaction, until the backlog is gone or {@code session.purge.max-duration} is reached).
 *
 * <p>The timer is non-persistent on purpose: Liberty ignores persistent EJB timers without the persistent-timer
 * feature, and a purge needs no catch-up after downtime. Every node of a cluster runs its own; the purge is idempotent,
 * so that is safe. Only sessions whose expiry has passed are touched.
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
    SessionConfig config;

    @Inject
    Clock clock;

    @Inject
    BatchedPurge purge;

    @PostConstruct
    void schedule() {
        long interval = config.purge().interval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("flow-session-purge", false));
        LOG.info(() -> "Flow-session purge every " + config.purge().interval());
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge(Timer timer) {
        purge.run("session", config.purge(),
                batchSize -> sessions.purgeExpired(clock.instant().minus(config.purgeGrace()), batchSize));
    }
}
