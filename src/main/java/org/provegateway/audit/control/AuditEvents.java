package org.provegateway.audit.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.provegateway.audit.entity.AuditAction;
import org.provegateway.audit.entity.AuditEvent;
import org.provegateway.platform.control.Cursors;
import org.provegateway.platform.control.GatewayException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/**
 * Reads the audit trail for auditors: rows matching every filter given, oldest first, a page at a time. The cursor
 * is the position ({@code seq}) of the last row answered, signed like every cursor of the gateway ({@link Cursors}),
 * so a caller can only continue where the gateway let it stop.
 */
@ApplicationScoped
@Transactional
public class AuditEvents {

    /** The audit trail's cursors ({@link Cursors}). */
    static final String CURSOR_KIND = "ae1";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @PersistenceContext(unitName = "prove")
    EntityManager em;

    @Inject
    Cursors cursors;

    /**
     * @param filter the caller's filters, as given (null: not filtered)
     * @param after  a cursor of an earlier page, or null for the oldest row kept
     * @param limit  most rows, as given, or null for {@value #DEFAULT_LIMIT}
     */
    public AuditPage read(AuditFilter filter, String after, String limit) {
        long position = after == null || after.isBlank() ? 0
                : cursors.open(CURSOR_KIND, after.strip()).orElseThrow(
                        () -> GatewayException.invalidField("after", "is not a cursor of this gateway's audit trail"));
        int max = limit == null || limit.isBlank() ? DEFAULT_LIMIT : number(limit.strip());
        if (max < 1 || max > MAX_LIMIT) {
            throw GatewayException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        AuditAction action = action(filter.action());
        Instant from = instant("from", filter.from());
        Instant to = instant("to", filter.to());
        if (from != null && to != null && !from.isBefore(to)) {
            throw GatewayException.invalidField("to", "must be after from");
        }

        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE e.seq > :after");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("after", position);
        where(jpql, parameters, "e.flowId = :flowId", "flowId", blankToNull(filter.flowId()));
        where(jpql, parameters, "e.bindingId = :bindingId", "bindingId", blankToNull(filter.bindingId()));
        where(jpql, parameters, "e.principal = :principal", "principal", blankToNull(filter.principal()));
        where(jpql, parameters, "e.action = :action", "action", action);
        where(jpql, parameters, "e.occurredAt >= :from", "from", from);
        where(jpql, parameters, "e.occurredAt < :to", "to", to);
        jpql.append(" ORDER BY e.seq");
        TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class);
        parameters.forEach(query::setParameter);
        List<AuditEvent> found = query.setMaxResults(max + 1).getResultList();

        boolean hasMore = found.size() > max;
        List<AuditEvent> page = hasMore ? found.subList(0, max) : found;
        long last = page.isEmpty() ? position : page.get(page.size() - 1).seq();
        List<AuditPage.Event> events = new ArrayList<>(page.size());
        for (AuditEvent event : page) {
            events.add(new AuditPage.Event(event.occurredAt(), event.principal(), event.action().name(),
                    event.outcome(), event.flowId(), event.bindingId(), event.state(), event.phoneMasked()));
        }
        return new AuditPage(events, cursors.sign(CURSOR_KIND, last), hasMore);
    }

    private static void where(StringBuilder jpql, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null) {
            jpql.append(" AND ").append(condition);
            parameters.put(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static AuditAction action(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalidField("action", "is not an audit action (see docs/security.md)");
        }
    }

    /** ISO-8601 with an offset ({@code 2026-11-22T00:00:00Z}, {@code 2026-11-22T01:00:00+01:00}). */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw GatewayException.invalidField(field, "must be an ISO-8601 time with an offset, e.g. "
                    + "2030-01-31T00:00:00Z");
        }
    }

    private static int number(String limit) {
        try {
            return limit.length() > 9 ? -1 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
