/** The sandbox test users of prove-api.md §11 and how each one behaves in the simulated possession checks. */
package org.provegateway.sandbox.users;
