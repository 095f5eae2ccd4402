package org.provegateway.audit.control;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.provegateway.audit.entity.AuditAction;
import org.provegateway.audit.entity.AuditEvent;
import org.provegateway.platform.control.PhoneNumbers;
import org.provegateway.platform.control.ProblemType;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The audit trail: who did which step of which flow, or changed which key binding, when, and how it ended. A step
 * that succeeded is recorded in the step's own transaction (its row exists exactly when the step's effect does); a
 * refused step in a transaction of its own, so refusals are kept although the step's work is rolled back.
 *
 * <p>The caller is the authenticated principal (the JWT's {@code upn} in production, the Basic user in demo and
 * tests); work done by no caller (timers) is recorded as {@value #SYSTEM}. Phone numbers are masked here, before
 * anything is stored.
 */
@ApplicationScoped
public class AuditTrail {

    /** The principal recorded for work no caller asked for. */
    public static final String SYSTEM = "system";
    private static final String UNAUTHENTICATED = "UNAUTHENTICATED";

    @PersistenceContext(unitName = "prove")
    EntityManager em;

    @Inject
    Principal caller;

    @Inject
    Clock clock;

    /** A step or binding change that succeeded, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(AuditAction action, String flowId, String bindingId, String phoneNumber, String state) {
        em.persist(new AuditEvent(clock.instant(), principal(), action, AuditEvent.SUCCESS, flowId, bindingId, state,
                masked(phoneNumber)));
    }

    /**
     * A step that was refused or failed, in a transaction of its own.
     *
     * @param flowId      the flow's id, only if it names a known flow (never the caller's raw input)
     * @param phoneNumber the number concerned if known (masked before it is stored)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(AuditAction action, String flowId, String bindingId, String phoneNumber, ProblemType type) {
        em.persist(new AuditEvent(clock.instant(), principal(), action, type.slug(), flowId, bindingId, null,
                masked(phoneNumber)));
        em.flush(); // fails here rather than in the commit, see FlowSessions.add
    }

    /**
     * Deletes up to {@code batchSize} rows written before {@code cutoff}, in a transaction of its own. Safe when
     * several nodes run it at once: the delete re-checks the age, and deleting a row twice deletes nothing.
     *
     * @return how many rows this call deleted
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeOlderThan(Instant cutoff, int batchSize) {
        List<String> ids = em.createNamedQuery(AuditEvent.OLDER_THAN, String.class).setParameter("cutoff", cutoff)
                .setMaxResults(batchSize).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(AuditEvent.DELETE).setParameter("ids", ids).setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    private String principal() {
        String name;
        try {
            name = caller == null ? null : caller.getName();
        } catch (RuntimeException noCaller) {
            name = null; // no request context (a timer)
        }
        return name == null || name.isBlank() || UNAUTHENTICATED.equals(name) ? SYSTEM : name;
    }

    private static String masked(String phoneNumber) {
        return phoneNumber == null ? null : PhoneNumbers.mask(phoneNumber);
    }
}
