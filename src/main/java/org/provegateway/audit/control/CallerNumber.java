package org.provegateway.audit.control;

/** A command that names the phone number the caller sent, so that its refusal can be audited before a flow exists. */
public interface CallerNumber {

    /** The number as the caller sent it (the audit trail masks it). */
    String phoneNumber();
}
