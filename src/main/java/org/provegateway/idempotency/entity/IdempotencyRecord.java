package org.provegateway.idempotency.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The first request a caller sent with one {@code Idempotency-Key}: its fingerprint while it runs, then its answer.
 * A record past {@link #expiresAt()} counts as absent: a finished one has served its time, an unfinished one was
 * abandoned by a node that stopped mid-request.
 */
@Entity
@Table(name = "idempotency_record")
@NamedQuery(name = IdempotencyRecord.BY_KEY,
        query = "SELECT r FROM IdempotencyRecord r WHERE r.callerScope = :scope AND r.key = :key")
@NamedQuery(name = IdempotencyRecord.EXPIRED_IDS,
        query = "SELECT r.id FROM IdempotencyRecord r WHERE r.expiresAt < :now ORDER BY r.expiresAt")
@NamedQuery(name = IdempotencyRecord.DELETE_EXPIRED,
        query = "DELETE FROM IdempotencyRecord r WHERE r.id IN :ids AND r.expiresAt < :now")
@NamedQuery(name = IdempotencyRecord.FINISH, query = "UPDATE IdempotencyRecord r SET r.state = :state,"
        + " r.status = :status, r.mediaType = :mediaType, r.location = :location, r.body = :body,"
        + " r.expiresAt = :expiresAt, r.version = r.version + 1 WHERE r.id = :id")
public class IdempotencyRecord {

    public static final String BY_KEY = "IdempotencyRecord.byKey";
    public static final String EXPIRED_IDS = "IdempotencyRecord.expiredIds";
    public static final String DELETE_EXPIRED = "IdempotencyRecord.deleteExpired";
    public static final String FINISH = "IdempotencyRecord.finish";

    /** Whether the first request is still running or has been answered. */
    public enum State {
        IN_PROGRESS, DONE
    }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "caller_scope", nullable = false, length = 128)
    private String callerScope;

    @Column(name = "idem_key", nullable = false, length = 128)
    private String key;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "status")
    private Integer status;

    @Column(name = "media_type", length = 100)
    private String mediaType;

    @Column(name = "location", length = 500)
    private String location;

    @Column(name = "body", length = 16000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IdempotencyRecord() {
        // for JPA
    }

    /** A first request that has just begun; it holds the key until {@code leaseUntil} unless it finishes. */
    public IdempotencyRecord(String callerScope, String key, String requestHash, Instant now, Instant leaseUntil) {
        this.id = UUID.randomUUID().toString();
        this.callerScope = Objects.requireNonNull(callerScope);
        this.key = Objects.requireNonNull(key);
        this.requestHash = Objects.requireNonNull(requestHash);
        this.state = State.IN_PROGRESS;
        this.createdAt = now;
        this.expiresAt = leaseUntil;
    }

    /** The first request was answered; the answer is kept until {@code expiresAt}. */
    public void finish(int status, String mediaType, String location, String body, Instant expiresAt) {
        this.state = State.DONE;
        this.status = status;
        this.mediaType = mediaType;
        this.location = location;
        this.body = body;
        this.expiresAt = expiresAt;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isDone() {
        return state == State.DONE;
    }

    public boolean sameRequest(String hash) {
        return requestHash.equals(hash);
    }

    public String id() {
        return id;
    }

    public String callerScope() {
        return callerScope;
    }

    public String key() {
        return key;
    }

    public String requestHash() {
        return requestHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int status() {
        return status == null ? 0 : status;
    }

    public Optional<String> mediaType() {
        return Optional.ofNullable(mediaType);
    }

    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    public Optional<String> body() {
        return Optional.ofNullable(body);
    }
}
