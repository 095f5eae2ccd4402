package org.provegateway.platform.boundary;

/**
 * The gateway's security roles, as named in {@code @RolesAllowed} and mapped to users or groups in Liberty's
 * configuration (never in code). A caller gets only the roles its job needs: a web back end runs flows, a batch
 * job reads bindings, an operator revokes them, an auditor reads who did what.
 */
public final class Roles {

    /** Starts and reads possession and identity flows, binds Prove Keys. */
    public static final String FLOW_RUNNER = "flow-runner";

    /** Reads the key-binding registry: lookups, bulk checks, the change feed (batch jobs). */
    public static final String BINDING_READER = "binding-reader";

    /** Administers bindings: revokes keys, runs the binding-health job. */
    public static final String BINDING_ADMIN = "binding-admin";

    /** Reads the audit trail (the bank's security team); nothing else. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
