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
 *
 * <p>The row's {@code owner} is a token of the claim, new for every start, not the run's id: a run that a node
 * stopped working on (it stalled past the lease, e.g. a long GC pause or a frozen VM) is continued under the same
 * run id by the node that claims the lock next. Were the owner the run id, the stalled node would wake up still
 * "holding" the lock, renew it with its next chunk, write alongside the new holder, and, when its execution
 * ended, mark the run finished and free the new holder's lock. With a claim token its next chunk finds the lock
 * taken and rolls back, and its end touches neither the run nor the lock.
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

    /**
     * Claims the lock with {@code claim} (a token new for this start, at most 36 characters) if it is free or its
     * lease expired; true when this call got it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claimLock(String claim, Instant now, Duration lease) {
        return em.createNativeQuery("UPDATE job_lock SET owner = ?, lease_until = ? WHERE name = ?"
                + " AND (owner IS NULL OR lease_until < ?)")
                .setParameter(1, claim).setParameter(2, java.sql.Timestamp.from(now.plus(lease)))
                .setParameter(3, LOCK).setParameter(4, java.sql.Timestamp.from(now))
                .executeUpdate() == 1;
    }

    /** Frees the lock if {@code claim} still holds it (nobody has claimed it since). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseLock(String claim) {
        em.createNativeQuery("UPDATE job_lock SET owner = NULL WHERE name = ? AND owner = ?")
                .setParameter(1, LOCK).setParameter(2, claim).executeUpdate();
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
     * locked row), adds the chunk's counts and its last binding to the run, and renews the lock of {@code claim}.
     * If the lock was lost (this node stalled past the lease and another claimed it) the chunk fails and rolls
     * back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeChunk(String runId, String claim, List<Verdict> verdicts, Duration warningWindow,
            Duration lease, Instant now) {
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
                .setParameter(3, claim).executeUpdate();
        if (renewed != 1) {
            throw new IllegalStateException("binding-health run " + runId + " lost the cluster lock");
        }
        em.flush();
    }

    /**
     * The execution working under {@code claim} ended: if the claim still holds the lock, the run is marked
     * completed, or failed with a short description (never personal data), and the lock is freed, in one
     * transaction. If another node has claimed the lock since (this one stalled past the lease), that node
     * continues the run: nothing is changed and the answer is empty.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<BindingHealthRun> finish(String runId, String claim, String failure, Instant now) {
        int released = em.createNativeQuery("UPDATE job_lock SET owner = NULL WHERE name = ? AND owner = ?")
                .setParameter(1, LOCK).setParameter(2, claim).executeUpdate();
        if (released != 1) {
            return Optional.empty();
        }
        BindingHealthRun run = run(runId);
        if (failure == null) {
            run.completed(now);
        } else {
            run.failed(failure, now);
        }
        return Optional.of(run);
    }

    private BindingHealthRun run(String runId) {
        return find(runId).orElseThrow(() -> new IllegalStateException("no binding-health run " + runId));
    }

    /** The processor's verdict on one binding, before the writer applies it. */
    public record Verdict(String bindingId, HealthOutcome outcome) {
    }
}
