package org.provegateway.audit.entity;

/** What an audit row records: a flow step a caller asked for, or a change to a key binding. */
public enum AuditAction {
    POSSESSION_START,
    /**
     * Rows written before the result step existed: a status read that moved the flow on. No longer written (a read
     * never calls Prove now); kept so that older audit rows still read.
     */
    POSSESSION_STATUS,
    /** The result step ({@code POST .../result}) that moved the flow on (one that changes nothing is not audited). */
    POSSESSION_RESULT,
    POSSESSION_BIND,
    IDENTITY_START,
    IDENTITY_VALIDATE,
    IDENTITY_CHALLENGE,
    IDENTITY_COMPLETE,
    /**
     * A caller named a flow that another caller started; it was answered {@code flow-not-found}, exactly as an
     * unknown id, and nothing else happened (the step's own refusal row follows, without the flow).
     */
    FLOW_NOT_OWNED,
    /** An operator asked to revoke a binding; the change itself is {@link #BINDING_REVOKED}. */
    BINDING_REVOKE,
    BINDING_BOUND,
    BINDING_REBOUND,
    BINDING_SUPERSEDED,
    BINDING_STALE,
    BINDING_REVOKED,
    BINDING_DEACTIVATED,
    /** The binding-health job warned that Prove will deactivate the key soon. */
    BINDING_DEACTIVATION_WARNING;

    /** The action for a key-binding history event of this name (BOUND, REBOUND, ...). */
    public static AuditAction bindingChange(String event) {
        return valueOf("BINDING_" + event);
    }
}
