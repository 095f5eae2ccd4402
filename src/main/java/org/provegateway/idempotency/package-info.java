/**
 * Idempotency-Key: the filter that replays a kept answer, and the sealed records it keeps in the database.
 */
package org.provegateway.idempotency;
