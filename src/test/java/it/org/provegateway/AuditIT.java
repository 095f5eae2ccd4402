package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static it.org.provegateway.support.TestUsers.BENJI;
import static it.org.provegateway.support.TestUsers.LORANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.Tables;
import java.time.Duration;
import it.org.provegateway.support.Eventually;

/**
 * The audit trail: one row per flow step and per key-binding change, with the caller, the flow, the outcome
 * (success or the problem type) and only a masked phone number; refusals too. Rows past {@code audit.retention}
 * (400 days) are purged by the timer (every second in the test server).
 */
class AuditIT extends GatewayIT {


    final Sandbox sandbox = new Sandbox(SANDBOX);

    @BeforeEach
    void freshProveAndTables() {
        sandbox.reset();
        Tables.reset(db, "audit_event", "key_binding_event", "key_binding", "flow_session");
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo-" + user).contentType(ContentType.JSON);
    }

    /** action/outcome/principal/state/phone of a flow's rows, oldest first. */
    List<String> rowsOfFlow(String flowId) {
        return db.rows("SELECT * FROM audit_event WHERE flow_id = ? ORDER BY seq", flowId).stream()
                .map(AuditIT::describe).toList();
    }

    static String describe(Map<String, String> row) {
        return row.get("action") + " " + row.get("outcome") + " " + row.get("principal") + " " + row.get("state") + " "
                + row.get("phone_masked");
    }

    @Test
    void aPossessionFlowAndItsBindingAreAuditedStepByStepWithTheCallerAndAMaskedNumber() {
        var started = as("flows").body(Map.of("phoneNumber", LORANT, "possessionType", "mobile"))
                .post(API + "/possession-flows").then().statusCode(201).extract().jsonPath();
        String flowId = started.getString("flowId");
        assertThat(rowsOfFlow(flowId)).containsExactly("POSSESSION_START success flows PENDING ***4014");

        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("device", "audit-phone", "otp", "1234"))
                .then().statusCode(200);
        as("flows").get(API + "/possession-flows/" + flowId).then().statusCode(200); // a read: not audited
        as("flows").post(API + "/possession-flows/" + flowId + "/result").then().statusCode(200);
        as("flows").post(API + "/possession-flows/" + flowId + "/result").then().statusCode(200); // from the DB
        assertThat(rowsOfFlow(flowId)).as("the second result step changed nothing and is not audited")
                .containsExactly(
                "POSSESSION_START success flows PENDING ***4014",
                "POSSESSION_RESULT success flows VERIFIED ***4014",
                "BINDING_BOUND success flows ACTIVE ***4014");
        String bindingId = db.single("SELECT binding_id FROM audit_event WHERE action = 'BINDING_BOUND'")
                .get("binding_id");
        assertThat(db.count("SELECT COUNT(*) FROM key_binding WHERE id = ?", bindingId)).isEqualTo(1);

        // An operator revokes the binding; a revoke of an unknown binding is a refusal, audited as such.
        as("admin").post(API + "/key-bindings/" + bindingId + "/revoke").then().statusCode(200);
        as("admin").post(API + "/key-bindings/" + UUID.randomUUID() + "/revoke").then().statusCode(404);
        assertThat(db.rows("SELECT * FROM audit_event WHERE principal = 'admin' ORDER BY seq").stream()
                .map(row -> row.get("action") + " " + row.get("outcome") + " " + row.get("binding_id")).toList())
                .containsExactly("BINDING_REVOKED success " + bindingId, "BINDING_REVOKE binding-not-found null");

        assertNoFullPhoneNumberIsStored();
    }

    @Test
    void anIdentityFlowIsAuditedStepByStepAndARefusedStepToo() {
        var started = as("flows").body(Map.of("phoneNumber", BENJI, "flowType", "mobile"))
                .post(API + "/identity-flows").then().statusCode(201).extract().jsonPath();
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("otp", "1234")).then().statusCode(200);
        as("flows").post(API + "/identity-flows/" + flowId + "/validate").then().statusCode(200);
        Map<String, Object> benji = Map.of("firstName", "Benji", "lastName", "Harper", "dob", "1994-09-02", "ssn",
                "565252770", "addresses", List.of(Map.of("address", "27 Financial Place", "city", "Bakersfield",
                        "region", "CA", "postalCode", "93301-2425")),
                "emailAddresses", List.of("bharperd@superstars.com"));
        as("flows").body(Map.of("individual", benji)).post(API + "/identity-flows/" + flowId + "/complete").then()
                .statusCode(200);
        as("flows").body(Map.of("individual", benji)).post(API + "/identity-flows/" + flowId + "/complete").then()
                .statusCode(409);

        assertThat(rowsOfFlow(flowId)).containsExactly(
                "IDENTITY_START success flows STARTED ***4009",
                "IDENTITY_VALIDATE success flows VALIDATED ***4009",
                "IDENTITY_COMPLETE success flows IDENTITY_VERIFIED ***4009",
                "IDENTITY_COMPLETE step-not-allowed flows null ***4009");
        assertNoFullPhoneNumberIsStored();
        assertThat(db.rows("SELECT * FROM audit_event").toString()).doesNotContain("565252770", "Harper",
                "1994-09-02");
    }

    @Test
    void refusalsBeforeAnyFlowExistsAreAuditedWithoutAFlowAndWithoutTheRawInput() {
        as("flows").body(Map.of("phoneNumber", "12345678901234567", "possessionType", "mobile"))
                .post(API + "/possession-flows").then().statusCode(400);
        as("flows").post(API + "/possession-flows/" + UUID.randomUUID() + "/result").then().statusCode(404);
        as("flows").post(API + "/identity-flows/" + UUID.randomUUID() + "/validate").then().statusCode(404);
        // A malformed flow id is refused by Bean Validation before any step runs: not a step, not audited.
        as("flows").post(API + "/identity-flows/not-a-flow-id/validate").then().statusCode(400);

        List<String> rows = db.rows("SELECT * FROM audit_event ORDER BY seq").stream()
                .map(row -> describe(row) + " " + row.get("flow_id")).toList();
        assertThat(rows).containsExactly(
                "POSSESSION_START invalid-request flows null ***4567 null",
                "POSSESSION_RESULT flow-not-found flows null null null",
                "IDENTITY_VALIDATE flow-not-found flows null null null");
        assertNoFullPhoneNumberIsStored();
    }

    @Test
    void rowsPastTheRetentionArePurgedAndNewerOnesKept() throws InterruptedException {
        DateTimeFormatter sql = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String insert = "INSERT INTO audit_event (id, occurred_at, principal, action, outcome) "
                + "VALUES (?, CAST(? AS TIMESTAMP), 'purge-test', 'POSSESSION_START', 'success')";
        db.update(insert, old, now.minusDays(401).format(sql));
        db.update(insert, recent, now.minusDays(399).format(sql));

        Eventually.until(Duration.ofSeconds(20), "the 401 days old row purged",
                () -> db.count("SELECT COUNT(*) FROM audit_event WHERE id = ?", old) == 0);
        assertThat(db.count("SELECT COUNT(*) FROM audit_event WHERE id = ?", recent)).as("399 days old").isOne();
    }

    /** No column of any audit row holds a run of digits as long as a phone number. */
    void assertNoFullPhoneNumberIsStored() {
        for (Map<String, String> row : db.rows("SELECT * FROM audit_event")) {
            for (var column : row.entrySet()) {
                if (column.getValue() != null && !List.of("id", "seq", "occurred_at", "flow_id", "binding_id")
                        .contains(column.getKey())) {
                    assertThat(column.getValue()).as(column.getKey()).doesNotContainPattern("[0-9]{5,}");
                }
            }
        }
        assertThat(db.rows("SELECT * FROM audit_event").toString()).doesNotContain("2001004014", "2001004009");
    }
}
