package org.provegateway.session.entity;

/**
 * The steps a caller can ask for on an open flow, each with the flow kind and the one state it is allowed in. The
 * state a step leads to is Prove's to say; {@link FlowState#canMoveTo} says which ones can follow.
 */
public enum FlowStep {
    /** Possession: ask Prove for the outcome of the client step ({@code /v3/unify-status}). */
    RESULT(FlowKind.POSSESSION, FlowState.PENDING),
    /** Possession: bind after the bank's own check ({@code /v3/unify-bind}). */
    BIND(FlowKind.POSSESSION, FlowState.POSSESSION_REQUIRED),
    /** Identity: validate the phone ({@code /v3/validate}). */
    VALIDATE(FlowKind.IDENTITY, FlowState.STARTED),
    /** Pre-Fill: answer the challenge ({@code /v3/challenge}). */
    CHALLENGE(FlowKind.IDENTITY, FlowState.CHALLENGE_REQUIRED),
    /** Identity: verify the individual ({@code /v3/complete}). */
    COMPLETE(FlowKind.IDENTITY, FlowState.VALIDATED);

    private final FlowKind kind;
    private final FlowState from;

    FlowStep(FlowKind kind, FlowState from) {
        this.kind = kind;
        this.from = from;
    }

    public FlowKind kind() {
        return kind;
    }

    /** The state the step is allowed in, and that Prove's answer to it moves the flow on from. */
    public FlowState from() {
        return from;
    }

    /** The step's name as callers know it (the last path segment). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
