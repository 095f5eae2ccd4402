package it.org.provegateway.support;

import java.util.List;

/**
 * TEST ONLY: empties the gateway's tables before a test, children before parents, so that each test counts only its
 * own rows.
 */
public final class Tables {

    /** Flows and the binding registry (the tables most tests write). */
    public static final List<String> FLOWS = List.of("key_binding_event", "key_binding", "flow_session");
    /** Everything a flow step can write, Idempotency-Key records and the audit trail included. */
    public static final List<String> ALL = List.of("key_binding_event", "key_binding", "flow_session",
            "idempotency_record", "audit_event");

    private Tables() {
    }

    /** Deletes every row of {@code tables}, in the order given. */
    public static void reset(Database db, List<String> tables) {
        for (String table : tables) {
            db.update("DELETE FROM " + table);
        }
    }

    public static void reset(Database db, String... tables) {
        reset(db, List.of(tables));
    }
}
