package org.provegateway.binding.entity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One run of the binding-health job: its report (counts per outcome) and its checkpoint ({@code lastBindingId},
 * the last binding of the last committed chunk). A run that failed is continued by the next start: same
 * {@code asOf}, so it reaches the end state an uninterrupted run would have.
 */
@Entity
@Table(name = "binding_health_run")
@NamedQuery(name = BindingHealthRun.RECENT, query = "SELECT r FROM BindingHealthRun r ORDER BY r.startedAt DESC, r.id")
public class BindingHealthRun {

    public static final String RECENT = "BindingHealthRun.recent";

    /** Where a run stands. */
    public enum Status {
        /** Running (or its node died while running: then the lock's lease tells). */
        STARTED,
        COMPLETED,
        /** Stopped by an error part-way; the next start continues it after its last committed chunk. */
        FAILED
    }

    /** Who started the run. */
    public enum Trigger {
        API,
        SCHEDULE
    }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false, length = 16)
    private Trigger trigger;

    @Column(name = "as_of", nullable = false)
    private Instant asOf;

    @Column(name = "warning_days", nullable = false)
    private int warningDays;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "executions", nullable = false)
    private int executions;

    @Column(name = "last_binding_id", length = 36)
    private String lastBindingId;

    @Column(name = "checked", nullable = false)
    private long checked;

    @Column(name = "deactivated", nullable = false)
    private long deactivated;

    @Column(name = "warned", nullable = false)
    private long warned;

    @Column(name = "already_warned", nullable = false)
    private long alreadyWarned;

    @Column(name = "unchanged", nullable = false)
    private long unchanged;

    @Column(name = "failure", length = 200)
    private String failure;

    protected BindingHealthRun() {
        // for JPA
    }

    public BindingHealthRun(Trigger trigger, Instant asOf, int warningDays) {
        this.id = UUID.randomUUID().toString();
        this.status = Status.STARTED;
        this.trigger = trigger;
        this.asOf = asOf;
        this.warningDays = warningDays;
        this.startedAt = asOf;
        this.updatedAt = asOf;
    }

    /** A failed run is continued: it runs again from its checkpoint. */
    public void resume(Instant now) {
        this.status = Status.STARTED;
        this.failure = null;
        this.finishedAt = null;
        this.updatedAt = now;
    }

    /** A new batch execution runs (or continues) this run. */
    public void executing(long executionId, Instant now) {
        this.executionId = executionId;
        this.executions++;
        this.status = Status.STARTED;
        this.failure = null;
        this.finishedAt = null;
        this.updatedAt = now;
    }

    /** A chunk was written: its counts and its last binding, in the chunk's transaction. */
    public void chunkWritten(String lastBindingId, long deactivated, long warned, long alreadyWarned,
            long unchanged, Instant now) {
        this.lastBindingId = lastBindingId;
        this.deactivated += deactivated;
        this.warned += warned;
        this.alreadyWarned += alreadyWarned;
        this.unchanged += unchanged;
        this.checked += deactivated + warned + alreadyWarned + unchanged;
        this.updatedAt = now;
    }

    public void completed(Instant now) {
        this.status = Status.COMPLETED;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    /** @param why a short description of the error, without personal data */
    public void failed(String why, Instant now) {
        this.status = Status.FAILED;
        this.failure = why == null ? null : why.length() > 200 ? why.substring(0, 200) : why;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public Status status() {
        return status;
    }

    public Trigger trigger() {
        return trigger;
    }

    public Instant asOf() {
        return asOf;
    }

    public int warningDays() {
        return warningDays;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public Optional<Long> executionId() {
        return Optional.ofNullable(executionId);
    }

    public int executions() {
        return executions;
    }

    public Optional<String> lastBindingId() {
        return Optional.ofNullable(lastBindingId);
    }

    public long checked() {
        return checked;
    }

    public long deactivated() {
        return deactivated;
    }

    public long warned() {
        return warned;
    }

    public long alreadyWarned() {
        return alreadyWarned;
    }

    public long unchanged() {
        return unchanged;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
