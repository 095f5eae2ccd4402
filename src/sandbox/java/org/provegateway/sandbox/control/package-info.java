/**
 * The emulator's control API under {@code /control}: unauthenticated, JSON, for tests only. It is no Prove API.
 * Errors use the same {@code {"code":..,"message":..}} format; see {@code docs/sandbox.md}.
 */
package org.provegateway.sandbox.control;
