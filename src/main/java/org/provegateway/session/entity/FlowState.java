package org.provegateway.session.entity;

/**
 * Where a flow stands, in the gateway's own terms. A flow is {@link #isFinal() final} once Prove's answer can no
 * longer change; reading a final flow never calls Prove again.
 */
public enum FlowState {
    // Unified Authentication
    /** Started at Prove; the customer's client step may still be running. */
    PENDING(false),
    /** Possession verified (Prove-led, key-only, or the bank's own check followed by a bind). */
    VERIFIED(true),
    /** Prove-led possession failed or was not completed (Prove reason 9100), or a bind was refused. */
    POSSESSION_FAILED(true),
    /** The device's Prove Key is bound to another number (Prove reason 9101): start again with rebind. */
    REBIND_REQUIRED(true),
    /** The device's Prove Key has been revoked (Prove code 8019): a full possession check is needed. */
    KEY_REVOKED(true),
    /** Possession passed but the reputation (risk) check failed. */
    RISK_CHECK_FAILED(true),
    /** Customer-supplied possession: no key is bound; the bank runs its own check, then binds. */
    POSSESSION_REQUIRED(false),

    // Prove Identity
    /** Started; waiting for the client's possession step and validate. */
    STARTED(false),
    /** Phone validated and Prove's Pre-Fill asks for the challenge (date of birth and/or SSN) next. */
    CHALLENGE_REQUIRED(false),
    /** Phone validated (and the Pre-Fill challenge passed, if Prove asked for it); complete is the next step. */
    VALIDATED(false),
    /** Prove's Pre-Fill challenge did not pass; the flow ends here. */
    CHALLENGE_FAILED(true),
    /** Phone not validated; the flow ends here. */
    VALIDATION_FAILED(true),
    /** Identity verified by complete. */
    IDENTITY_VERIFIED(true),
    /** Complete answered that the identity was not verified. */
    IDENTITY_NOT_VERIFIED(true);

    private final boolean isFinal;

    FlowState(boolean isFinal) {
        this.isFinal = isFinal;
    }

    public boolean isFinal() {
        return isFinal;
    }
}
