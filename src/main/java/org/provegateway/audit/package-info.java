/**
 * The audit trail: who did what to which flow or binding, written in the step's transaction, and its retention.
 */
package org.provegateway.audit;
