/** The sandbox test users (docs/sandbox.md section 3) and how each one behaves in the simulated possession checks. */
package org.provegateway.sandbox.users;
