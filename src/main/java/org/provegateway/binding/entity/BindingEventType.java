package org.provegateway.binding.entity;

/** What happened to a binding; {@link KeyBindingEvent}s form its history. */
public enum BindingEventType {
    BOUND(BindingState.ACTIVE),
    USED(BindingState.ACTIVE),
    REBOUND(BindingState.ACTIVE),
    SUPERSEDED(BindingState.SUPERSEDED),
    STALE(BindingState.STALE),
    REVOKED(BindingState.REVOKED),
    DEACTIVATED(BindingState.DEACTIVATED),
    /** The binding-health job warned that Prove will deactivate the key soon; it changes no state. */
    DEACTIVATION_WARNING(null);

    private final BindingState resultingState;

    BindingEventType(BindingState resultingState) {
        this.resultingState = resultingState;
    }

    /** The binding's state right after this event; empty for an event that changes no state. */
    public java.util.Optional<BindingState> resultingState() {
        return java.util.Optional.ofNullable(resultingState);
    }
}
