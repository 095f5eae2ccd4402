package org.provegateway.sandbox.flows;

import org.provegateway.sandbox.users.Product;

/**
 * A Unify or Identity flow. Implementations own their state transitions and are safe for concurrent use (each
 * transition holds the flow's lock).
 */
public interface Flow {

    FlowIds ids();

    /** Which test users the flow accepts. */
    Product product();

    /** Runs one simulated client-step action; see {@link ClientAction}. */
    ClientStepOutcome clientStep(ClientStep step);
}
