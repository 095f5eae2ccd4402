package org.provegateway.idempotency.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.provegateway.idempotency.entity.IdempotencyRecord;

import jakarta.annotation.Resource;
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

    @Resource(lookup = "jdbc/prove")
    DataSource dataSource;

    /** Whether the database has {@code INSERT ... ON CONFLICT DO NOTHING} (PostgreSQL); found out once. */
    private volatile Boolean onConflict;

    public Optional<IdempotencyRecord> find(String scope, String key) {
        List<IdempotencyRecord> found = em.createNamedQuery(IdempotencyRecord.BY_KEY, IdempotencyRecord.class)
                .setParameter("scope", scope).setParameter("key", key).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Inserts a new in-progress record unless the (scope, key) is taken, which the unique constraint decides,
     * whichever node got there first.
     *
     * <p>On PostgreSQL a taken key is no error: {@code ON CONFLICT DO NOTHING} inserts nothing and this answers
     * false. Two nodes receiving the same key at once is what {@code Idempotency-Key} is for, so losing that race
     * must not show up as a failed statement in the database's log, EclipseLink's log and the transaction manager's
     * (and cost a rolled-back transaction). Databases without it (embedded Derby, a single node) report a taken key
     * as a {@code PersistenceException}, which {@link IdempotentRequests} tells apart from a failure.
     *
     * @return true when this call inserted the record, false when another request holds the key
     */
    public boolean insert(IdempotencyRecord record) {
        if (onConflictDoNothing()) {
            return em.createNativeQuery("INSERT INTO idempotency_record (id, caller_scope, idem_key, request_hash,"
                    + " state, created_at, expires_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)"
                    + " ON CONFLICT (caller_scope, idem_key) DO NOTHING")
                    .setParameter(1, record.id()).setParameter(2, record.callerScope())
                    .setParameter(3, record.key()).setParameter(4, record.requestHash())
                    .setParameter(5, IdempotencyRecord.State.IN_PROGRESS.name())
                    .setParameter(6, Timestamp.from(record.createdAt()))
                    .setParameter(7, Timestamp.from(record.expiresAt()))
                    .executeUpdate() == 1;
        }
        em.persist(record);
        em.flush();
        return true;
    }

    private boolean onConflictDoNothing() {
        Boolean known = onConflict;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection.getMetaData().getDatabaseProductName().contains("PostgreSQL");
            } catch (SQLException e) {
                throw new jakarta.persistence.PersistenceException("Could not read the database's product name", e);
            }
            onConflict = known;
        }
        return known;
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
