/** Prove Identity: {@code /v3/start}, {@code /v3/validate}, {@code /v3/complete} (and a refused {@code /v3/challenge}). */
package org.provegateway.sandbox.identity;
