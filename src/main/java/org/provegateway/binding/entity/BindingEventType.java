package org.provegateway.binding.entity;

/** What happened to a binding; {@link KeyBindingEvent}s form its history. */
public enum BindingEventType {
    BOUND,
    USED,
    REBOUND,
    SUPERSEDED,
    STALE,
    REVOKED,
    DEACTIVATED,
    /** The binding-health job warned that Prove will deactivate the key soon (no state change). */
    DEACTIVATION_WARNING
}
