/**
 * Prove API client, the anti-corruption layer: {@link org.provegateway.proveapi.Prove} is the one entry point for the
 * rest of the gateway and speaks the gateway's terms (possession checks and answers, identity steps, revoke); every
 * failure leaves it as a {@code GatewayException} translated in one place. Inside, {@link
 * org.provegateway.proveapi.ProveApi} adds token, rate limit and fault tolerance to the REST client, and {@code wire}
 * is the only place that knows Prove's JSON. No class outside this package imports {@code wire} or {@code client}
 * (Java cannot make them visible to this package alone, so {@code DependencyRulesTest} enforces it).
 */
package org.provegateway.proveapi;
