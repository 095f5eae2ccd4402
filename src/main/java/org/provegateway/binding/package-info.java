/**
 * The Prove Key binding registry: bindings and their history, lookups, the bulk check, the change feed and the
 * binding-health batch job. Owns the key-binding and binding-health resources.
 */
package org.provegateway.binding;
