package org.provegateway.binding.control;

import java.time.Instant;

/**
 * One entry of the change feed: an event of a binding, with the binding's state right after it and the binding's
 * identifiers as they are now. {@code position} orders all changes; callers see it only inside opaque cursors.
 */
public record BindingChange(
        long position,
        String bindingId,
        String event,
        String state,
        Instant occurredAt,
        String flowId,
        String detail,
        String deviceId,
        String phoneNumber,
        String customerReference,
        String proveId) {
}
