/** Unified Authentication: {@code /v3/unify}, {@code /v3/unify-status}, {@code /v3/unify-bind}, {@code /v3/device/revoke}. */
package org.provegateway.sandbox.unify;
