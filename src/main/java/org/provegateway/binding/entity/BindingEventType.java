package org.provegateway.binding.entity;

/** What happened to a binding; {@link KeyBindingEvent}s form its history. */
public enum BindingEventType {
    BOUND(BindingState.ACTIVE),
    USED(BindingState.ACTIVE),
    REBOUND(BindingState.ACTIVE),
    SUPERSEDED(BindingState.SUPERSEDED),
    STALE(BindingState.STALE),
    REVOKED(BindingState.REVOKED),
    DEACTIVATED(BindingState.DEACTIVATED);

    private final BindingState resultingState;

    BindingEventType(BindingState resultingState) {
        this.resultingState = resultingState;
    }

    /** The binding's state right after this event. */
    public BindingState resultingState() {
        return resultingState;
    }
}
