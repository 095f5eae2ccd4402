package org.provegateway.session.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.provegateway.session.entity.FlowSession;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The flow-session store. */
@ApplicationScoped
@Transactional
public class FlowSessions {

    @PersistenceContext(unitName = "prove")
    EntityManager em;

    public FlowSession add(FlowSession session) {
        em.persist(session);
        // Written now, inside the step: a database that fails here fails the step's method, which rolls back
        // cleanly, instead of failing the commit (where the transaction manager logs it as an error with the SQL).
        em.flush();
        return session;
    }

    public Optional<FlowSession> find(String id) {
        return isFlowId(id) ? Optional.ofNullable(em.find(FlowSession.class, id)) : Optional.empty();
    }

    /**
     * The session, locked for the rest of the caller's transaction: concurrent steps on one flow are applied one
     * after the other, so Prove's answer is recorded once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FlowSession> lock(String id) {
        return isFlowId(id) ? Optional.ofNullable(em.find(FlowSession.class, id, LockModeType.PESSIMISTIC_WRITE))
                : Optional.empty();
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
