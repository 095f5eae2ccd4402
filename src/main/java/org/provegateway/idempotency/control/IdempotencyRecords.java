package org.provegateway.idempotency.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.provegateway.idempotency.entity.IdempotencyRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The idempotency-record store. Every method is its own short transaction: records must be visible at once. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class IdempotencyRecords {

    @PersistenceContext(unitName = "prove")
    EntityManager em;

    public Optional<IdempotencyRecord> find(String scope, String key) {
        List<IdempotencyRecord> found = em.createNamedQuery(IdempotencyRecord.BY_KEY, IdempotencyRecord.class)
                .setParameter("scope", scope).setParameter("key", key).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Inserts a new in-progress record; fails with a {@code PersistenceException} when the (scope, key) is taken,
     * which the unique constraint decides, whichever node got there first.
     */
    public IdempotencyRecord insert(IdempotencyRecord record) {
        em.persist(record);
        em.flush();
        return record;
    }

    /**
     * Stores the first request's answer: one UPDATE by primary key, without reading the row first (every request with
     * a key ends here, so a read would be a round trip on each of them). A record that is gone (purged or freed after
     * its lease) is left gone, as before.
     */
    public void finish(String id, int status, String mediaType, String location, String body, Instant expiresAt) {
        em.createNamedQuery(IdempotencyRecord.FINISH).setParameter("state", IdempotencyRecord.State.DONE)
                .setParameter("status", status).setParameter("mediaType", mediaType)
                .setParameter("location", location).setParameter("body", body).setParameter("expiresAt", expiresAt)
                .setParameter("id", id).executeUpdate();
    }

    /** Forgets a record (its request failed in a way worth repeating, or it expired). */
    public void delete(String id) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id);
        if (record != null) {
            em.remove(record);
        }
    }

    /** Deletes an expired record, if it still is; another node may have replaced it meanwhile. */
    public boolean deleteIfExpired(String id, Instant now) {
        return em.createNamedQuery(IdempotencyRecord.DELETE_EXPIRED).setParameter("ids", List.of(id))
                .setParameter("now", now).executeUpdate() > 0;
    }

    /**
     * Deletes up to {@code batchSize} records that expired before {@code now}. Idempotent, safe on every node.
     *
     * @return how many rows this call deleted
     */
    public int purgeExpired(Instant now, int batchSize) {
        List<String> ids = em.createNamedQuery(IdempotencyRecord.EXPIRED_IDS, String.class)
                .setParameter("now", now).setMaxResults(batchSize).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(IdempotencyRecord.DELETE_EXPIRED).setParameter("ids", ids)
                .setParameter("now", now).executeUpdate();
    }
}
