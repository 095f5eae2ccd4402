package org.provegateway.audit.control;

/** What an auditor asks for: each given filter must match (null: any). Times are ISO-8601 with an offset. */
public record AuditFilter(String flowId, String bindingId, String principal, String action, String from,
        String to) {
}
