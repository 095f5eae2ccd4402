package org.provegateway.binding.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.provegateway.binding.entity.BindingHealthRun;
import org.provegateway.binding.entity.HealthOutcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The binding-health job's runs (report and checkpoint) and its cluster-wide lock ({@code job_lock}).
 *
 * <p>The lock is one row claimed with a conditional {@code UPDATE} (it is free, or its lease has expired): the
 * database decides, so two nodes can never both hold it. The holder renews the lease with every chunk, in the
 * chunk's transaction, and frees it when the run ends; a crashed node's lease simply runs out.
 */
@ApplicationScoped
@Transactional
public class BindingHealthRuns {

    /** The name of the binding-health job's row in {@code job_lock}. */
    static final String LOCK = "binding-health";

    @PersistenceContext(unitName = "prove")
    EntityManager em;

    @Inject
    KeyBindings bindings;

    public Optional<BindingHealthRun> find(String id) {
        return Optional.ofNullable(id).map(value -> em.find(BindingHealthRun.class, value));
    }

    /** Newest first. */
    public List<BindingHealthRun> recent(int limit) {
        return em.createNamedQuery(BindingHealthRun.RECENT, BindingHealthRun.class).setMaxResults(limit)
                .getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BindingHealthRun add(BindingHealthRun run) {
        em.persist(run);
        return run;
    }

    /** Claims the lock for {@code owner} if it is free or its lease expired; true when this call got it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claimLock(String owner, Instant now, Duration lease) {
        return em.createNativeQuery("UPDATE job_lock SET owner = ?, lease_until = ? WHERE name = ?"
                + " AND (owner IS NULL OR lease_until < ?)")
                .setParameter(1, owner).setParameter(2, java.sql.Timestamp.from(now.plus(lease)))
                .setParameter(3, LOCK).setParameter(4, java.sql.Timestamp.from(now))
                .executeUpdate() == 1;
    }

    /** Frees the lock if {@code owner} still holds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseLock(String owner) {
        em.createNativeQuery("UPDATE job_lock SET owner = NULL WHERE name = ? AND owner = ?")
                .setParameter(1, LOCK).setParameter(2, owner).executeUpdate();
    }

    /** A failed run is about to be continued. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resume(String runId, Instant now) {
        run(runId).resume(now);
    }

    /** A batch execution begins (or continues) the run. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void executing(String runId, long executionId, Instant now) {
        run(runId).executing(executionId, now);
    }

    /**
     * Writes one chunk, in the chunk's transaction: applies each verdict that changes something (judged again on the
     * locked row), adds the chunk's counts and its last binding to the run, and renews the lock. If the lock was
     * lost (this node stalled past the lease and another took over) the chunk fails and rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeChunk(String runId, List<Verdict> verdicts, Duration warningWindow, Duration lease,
            Instant now) {
        BindingHealthRun run = run(runId);
        long[] counts = new long[HealthOutcome.values().length];
        for (Verdict verdict : verdicts) {
            HealthOutcome outcome = switch (verdict.outcome()) {
                case DEACTIVATED, WARNED -> bindings.applyHealth(verdict.bindingId(), run.asOf(), warningWindow,
                        now);
                default -> verdict.outcome();
            };
            counts[outcome.ordinal()]++;
        }
        if (!verdicts.isEmpty()) {
            run.chunkWritten(verdicts.get(verdicts.size() - 1).bindingId(),
                    counts[HealthOutcome.DEACTIVATED.ordinal()], counts[HealthOutcome.WARNED.ordinal()],
                    counts[HealthOutcome.ALREADY_WARNED.ordinal()], counts[HealthOutcome.UNCHANGED.ordinal()], now);
        }
        int renewed = em.createNativeQuery("UPDATE job_lock SET lease_until = ? WHERE name = ? AND owner = ?")
                .setParameter(1, java.sql.Timestamp.from(now.plus(lease))).setParameter(2, LOCK)
                .setParameter(3, runId).executeUpdate();
        if (renewed != 1) {
            throw new IllegalStateException("binding-health run " + runId + " lost the cluster lock");
        }
        em.flush();
    }

    /** The run ended: completed, or failed with a short description (never personal data). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BindingHealthRun finish(String runId, String failure, Instant now) {
        BindingHealthRun run = run(runId);
        if (failure == null) {
            run.completed(now);
        } else {
            run.failed(failure, now);
        }
        return run;
    }

    private BindingHealthRun run(String runId) {
        return find(runId).orElseThrow(() -> new IllegalStateException("no binding-health run " + runId));
    }

    /** The processor's verdict on one binding, before the writer applies it. */
    public record Verdict(String bindingId, HealthOutcome outcome) {
    }
}
