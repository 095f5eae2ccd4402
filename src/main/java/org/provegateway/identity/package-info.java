/**
 * Prove Identity and Pre-Fill: start, validate, challenge and complete with KYC. The individual's data passes
 * through memory only. Owns the identity flow resource.
 */
package org.provegateway.identity;
