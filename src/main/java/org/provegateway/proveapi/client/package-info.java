/**
 * HTTP plumbing to Prove: MicroProfile REST Client interfaces, the error mapper and the config-driven client
 * builder. Only {@link org.provegateway.proveapi.ProveApi} should call these interfaces.
 */
package org.provegateway.proveapi.client;
