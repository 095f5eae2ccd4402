package org.provegateway.idempotency.boundary;

import java.time.Clock;
import java.util.logging.Logger;

import org.provegateway.idempotency.control.IdempotencyConfig;
import org.provegateway.idempotency.control.IdempotencyRecords;
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
 * Removes {@code Idempotency-Key} records past their expiry ({@code idempotency.ttl} after the answer, or the lease of
 * a request that never finished), every {@code idempotency.purge.interval}, with the gateway's one purge loop
 * ({@link BatchedPurge}). An expired record already counts as absent when a repeat arrives; the purge only keeps the
 * table small. Non-persistent and run on every node, like the other purge timers; the purge is idempotent.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IdempotencyExpiry {

    private static final Logger LOG = Logger.getLogger(IdempotencyExpiry.class.getName());

    @Resource
    TimerService timers;

    @Inject
    IdempotencyRecords records;

    @Inject
    IdempotencyConfig config;

    @Inject
    Clock clock;

    @Inject
    BatchedPurge purge;

    @PostConstruct
    void schedule() {
        long interval = config.purge().interval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("idempotency-purge", false));
        LOG.info(() -> "Idempotency-Key record purge every " + config.purge().interval());
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge(Timer timer) {
        purge.run("idempotency", config.purge(), batchSize -> records.purgeExpired(clock.instant(), batchSize));
    }
}
