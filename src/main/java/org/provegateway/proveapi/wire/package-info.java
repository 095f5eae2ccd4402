/**
 * Prove's wire format, field for field: one record per request and response body. Absent optional fields are
 * {@code null} here and omitted on the wire (JSON-B omits nulls). Records that carry personal data or tokens
 * redact them in {@code toString()}.
 */
package org.provegateway.proveapi.wire;
