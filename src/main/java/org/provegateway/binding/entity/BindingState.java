package org.provegateway.binding.entity;

/** Life of a Prove Key binding. Only {@link #ACTIVE} and {@link #STALE} bindings are live (one per device). */
public enum BindingState {
    /** The device's key is bound to this number and authenticates. */
    ACTIVE(true),
    /** Prove answered 9101 for this device: its key no longer matches the number; a rebind is needed. */
    STALE(true),
    /** The key was rebound to another number; the new binding replaced this one. */
    SUPERSEDED(false),
    /** The key was revoked (Prove answered 8019, or an operator revoked it). */
    REVOKED(false),
    /** Unused for 12 months: Prove deactivates such keys. */
    DEACTIVATED(false);

    private final boolean live;

    BindingState(boolean live) {
        this.live = live;
    }

    public boolean isLive() {
        return live;
    }
}
