/**
 * Prove API client, the anti-corruption layer: {@link org.provegateway.proveapi.ProveApi} is the only entry point,
 * {@link org.provegateway.proveapi.ProveApiException} and its subtypes the only failures, {@code wire} the only
 * place that knows Prove's JSON.
 */
package org.provegateway.proveapi;
