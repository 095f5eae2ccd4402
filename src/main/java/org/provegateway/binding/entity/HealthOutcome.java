package org.provegateway.binding.entity;

import java.time.Duration;
import java.time.Instant;

/** What the binding-health job does with one live binding. */
public enum HealthOutcome {
    /** Unused for 12 months: Prove has deactivated the key, so the registry marks the binding deactivated. */
    DEACTIVATED,
    /** Inside the warning window and not yet warned since its last use: warned now. */
    WARNED,
    /** Inside the warning window, already warned since its last use: nothing to do. */
    ALREADY_WARNED,
    /** Used recently enough: nothing to do. */
    UNCHANGED;

    /**
     * The outcome for a live binding last used at {@code lastUsedAt} and last warned at {@code warnedAt} (null when
     * never, or not since its last use), judged at {@code asOf} with a warning window of {@code warningWindow}
     * before Prove's 12-month deadline.
     */
    public static HealthOutcome of(Instant lastUsedAt, Instant warnedAt, Instant asOf, Duration warningWindow) {
        Instant due = KeyBinding.deactivationDueAt(lastUsedAt);
        if (!due.isAfter(asOf)) {
            return DEACTIVATED;
        }
        if (!due.minus(warningWindow).isAfter(asOf)) {
            return warnedAt != null && !warnedAt.isBefore(lastUsedAt) ? ALREADY_WARNED : WARNED;
        }
        return UNCHANGED;
    }
}
