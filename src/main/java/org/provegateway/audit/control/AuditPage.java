package org.provegateway.audit.control;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the audit trail, oldest first. {@code nextCursor} continues after the last row of the page (or stays
 * where the caller was if there were none); {@code hasMore} says whether more rows were already waiting.
 */
@Schema(name = "AuditPage")
public record AuditPage(List<Event> events, String nextCursor, boolean hasMore) {

    /** One audit row, as stored: the phone number only masked, no personal data. */
    @Schema(name = "AuditEvent")
    public record Event(Instant occurredAt, String principal, String action, String outcome, String flowId,
            String bindingId, String state, String phoneMasked) {
    }
}
