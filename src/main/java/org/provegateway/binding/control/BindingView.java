package org.provegateway.binding.control;

import java.time.Instant;
import java.util.List;

/**
 * A key binding with its history, as callers see it. {@code dueForDeactivation}: a live binding whose key has not
 * authenticated for 12 months, which Prove deactivates.
 */
public record BindingView(
        String bindingId,
        String deviceId,
        String phoneNumber,
        String proveId,
        String customerReference,
        String state,
        Instant boundAt,
        Instant lastUsedAt,
        Instant stateChangedAt,
        boolean dueForDeactivation,
        List<Event> history) {

    /** One change of the binding. */
    public record Event(String event, Instant occurredAt, String flowId, String detail) {
    }
}
