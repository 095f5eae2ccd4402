/**
 * Offline emulator of Prove's sandbox ({@code prove-sandbox.war}): {@code /token}, the {@code /v3} Unify, Pre-Fill and
 * Prove Identity endpoints, and an unauthenticated {@code /control} API for tests (simulated Web SDK step,
 * settings, fault injection, call counters, Prove Keys, reset).
 *
 * <p>Behaviour follows Prove's published API models and sandbox pages; where Prove's documents are silent the
 * choices are documented on the class that makes them. {@code docs/sandbox.md} describes both. It depends on nothing
 * but Jakarta EE 10 and MicroProfile Config, and never on the gateway.
 */
package org.provegateway.sandbox;
