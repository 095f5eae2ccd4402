package org.provegateway.session.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.provegateway.audit.control.AuditTrail;
import org.provegateway.audit.entity.AuditAction;
import org.provegateway.platform.control.ProblemType;
import org.provegateway.session.entity.FlowSession;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The flow-session store, and where a flow's ownership is enforced: a flow belongs to the caller that started it
 * ({@link FlowOwners}), and {@link #find} and {@link #lock} give another caller nothing, exactly as for an id that
 * names no flow. So every step of every flow kind, present or future, is refused before it reads the flow's state or
 * calls Prove, and answers {@code flow-not-found} with the same body as for an unknown id (no oracle telling that
 * the flow exists). Each such refusal is audited ({@link AuditAction#FLOW_NOT_OWNED}), naming the flow.
 */
@ApplicationScoped
@Transactional
public class FlowSessions {

    private static final Logger LOG = Logger.getLogger(FlowSessions.class.getName());

    @PersistenceContext(unitName = "prove")
    EntityManager em;

    @Inject
    FlowOwners owners;

    @Inject
    AuditTrail audit;

    @Inject
    RefusedFlows refused;

    /** Stores a flow that the current caller has just started, as its owner. */
    public FlowSession add(FlowSession session) {
        session.recordStarter(owners.current());
        em.persist(session);
        // Written now, inside the step: a database that fails here fails the step's method, which rolls back
        // cleanly, instead of failing the commit (where the transaction manager logs it as an error with the SQL).
        em.flush();
        return session;
    }

    /** The current caller's flow with this id; empty if there is none or another caller started it. */
    public Optional<FlowSession> find(String id) {
        return isFlowId(id) ? ownedByCaller(em.find(FlowSession.class, id)) : Optional.empty();
    }

    /**
     * The session, locked for the rest of the caller's transaction: concurrent steps on one flow are applied one
     * after the other, so Prove's answer is recorded once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FlowSession> lock(String id) {
        return isFlowId(id) ? ownedByCaller(em.find(FlowSession.class, id, LockModeType.PESSIMISTIC_WRITE))
                : Optional.empty();
    }

    private Optional<FlowSession> ownedByCaller(FlowSession session) {
        if (session == null) {
            return Optional.empty();
        }
        String caller = owners.current();
        if (session.isVisibleTo(caller)) {
            return Optional.of(session);
        }
        auditRefusal(session);
        return Optional.empty();
    }

    private void auditRefusal(FlowSession session) {
        boolean first;
        try {
            first = refused.firstRefusal(session.id());
        } catch (ContextNotActiveException noRequest) {
            first = true;
        }
        if (!first) {
            return;
        }
        try {
            audit.refused(AuditAction.FLOW_NOT_OWNED, session.id(), null, null, ProblemType.FLOW_NOT_FOUND);
        } catch (RuntimeException auditFailure) {
            // The caller still gets flow-not-found; the lost row is logged (no personal data, no caller name).
            LOG.log(Level.WARNING, "Could not audit a refused access to another caller''s flow: {0}",
                    auditFailure.getClass().getSimpleName());
        }
    }

    /**
     * Deletes up to {@code batchSize} sessions that expired before {@code cutoff}, in this transaction. Safe when
     * several nodes run it at once: the delete re-checks expiry and deleting a row twice deletes nothing.
     *
     * @return how many rows this call deleted
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(Instant cutoff, int batchSize) {
        List<String> ids = em.createNamedQuery(FlowSession.EXPIRED_IDS, String.class)
                .setParameter("now", cutoff)
                .setMaxResults(batchSize)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(FlowSession.DELETE_EXPIRED)
                .setParameter("ids", ids)
                .setParameter("now", cutoff)
                .executeUpdate();
    }

    /** Flows not yet expired (for the active-sessions gauge). */
    public long countActive(Instant now) {
        return em.createNamedQuery(FlowSession.COUNT_ACTIVE, Long.class).setParameter("now", now).getSingleResult();
    }

    /** Flow ids are UUIDs; anything else cannot name a flow (and never reaches the database). */
    static boolean isFlowId(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
