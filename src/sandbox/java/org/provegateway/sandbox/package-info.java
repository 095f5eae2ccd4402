/**
 * Offline emulator of Prove's sandbox ({@code prove-sandbox.war}): {@code /token}, the {@code /v3} Unify and
 * Prove Identity endpoints, and an unauthenticated {@code /control} API for tests (simulated Web SDK step,
 * settings, fault injection, call counters, Prove Keys, reset).
 *
 * <p>Behaviour follows {@code prove-api.md} of this project; where Prove's documents are silent the choices are
 * documented on the class that makes them and collected in {@code docs/sandbox.md}. It depends on nothing but
 * Jakarta EE 10 and MicroProfile Config, and never on the gateway.
 */
package org.provegateway.sandbox;
