package org.provegateway.binding.control;

import java.time.Instant;
import java.util.List;

/**
 * A page of the change feed. {@code nextCursor} continues after the last change of the page (or stays where the
 * caller was if there were none); {@code hasMore} says whether more changes were already waiting.
 */
public record ChangePage(List<Change> changes, String nextCursor, boolean hasMore) {

    /**
     * One change of a binding: the event, the binding's state right after it, and the binding's identifiers as they
     * are now. {@code cursor} resumes the feed right after this change.
     */
    public record Change(String cursor, String bindingId, String event, String state, Instant occurredAt,
            String flowId, String detail, String deviceId, String phoneNumber, String customerReference,
            String proveId) {
    }
}
