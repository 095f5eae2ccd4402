/**
 * Flows (Unify and Identity) and their in-memory store, and the simulated client step (what the Prove Web SDK does in
 * the browser) that drives their possession check.
 */
package org.provegateway.sandbox.flows;
