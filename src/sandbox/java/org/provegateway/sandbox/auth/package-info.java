/** OAuth 2.0 client credentials ({@code POST /token}), bearer-token check and rate limit of the {@code /v3} API. */
package org.provegateway.sandbox.auth;
