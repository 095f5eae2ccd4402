/** Prove Keys on simulated devices. */
package org.provegateway.sandbox.keys;
