/**
 * Unified Authentication (Prove's Unify): starting possession flows, reading their outcome, binding a Prove Key after
 * the bank's own check, and device recovery from the binding registry. Owns the possession flow resource.
 */
package org.provegateway.possession;
