/** Cross-cutting pieces: the error type and its mappers, JSON request parsing and answers, settings, wiring. */
package org.provegateway.sandbox.platform;
