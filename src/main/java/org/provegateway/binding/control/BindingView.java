package org.provegateway.binding.control;

import java.time.Instant;
import java.util.List;

/** A key binding with its history, as callers see it. */
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
        List<Event> history) {

    /** One change of the binding. */
    public record Event(String event, Instant occurredAt, String flowId, String detail) {
    }
}
