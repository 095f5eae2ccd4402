/**
 * What tests need around every {@code /token} and {@code /v3} call: fault injection (error answers, latency, dropped
 * connections) and call counters with the last request bodies.
 */
package org.provegateway.sandbox.calls;
