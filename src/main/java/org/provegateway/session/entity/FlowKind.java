package org.provegateway.session.entity;

/** The two Prove products a flow can belong to; their steps never mix (Prove answers 1003 if they do). */
public enum FlowKind {
    /** Unified Authentication: /v3/unify, /v3/unify-status, /v3/unify-bind. */
    POSSESSION,
    /** Prove Identity: /v3/start, /v3/validate, /v3/complete. */
    IDENTITY
}
