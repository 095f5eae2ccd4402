/**
 * Flow sessions: the gateway's record of each Prove flow (its state machine, owner, expiry) and the timer that
 * removes expired sessions.
 */
package org.provegateway.session;
