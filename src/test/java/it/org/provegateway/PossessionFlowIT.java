package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.org.provegateway.support.Sandbox;

/**
 * Unified Authentication end to end, through the gateway's HTTP API, with the emulator standing in for Prove and
 * its simulated client step for the browser: every Unify scenario of Prove's sandbox (docs/sandbox.md), each also checked in
 * the database (session row, binding, history) and, where it matters, in the requests Prove received.
 */
class PossessionFlowIT extends GatewayIT {

    static final String LORANT = "2001004014";
    static final String LANEY = "2001004015";
    static final String BERTIE = "+2001004025";
    static final String BONNIE = "+2001004026";
    static final String INGE = "2001004016";
    static final String JESSE = "2001004017";
    static final String PENNY = "2001004041";
    static final String ALLISSA = "+2001004027";
    static final String WENDY = "+2001004028";
    static final String AMII = "+2001004043";
    static final String BARBARAANNE = "2001004018";
    static final String JANOS = "+2001004029";

    final Sandbox sandbox = new Sandbox(SANDBOX);

    /** Each test starts from a Prove that knows no device and a registry that knows no binding. */
    @BeforeEach
    void freshProveAndRegistry() {
        sandbox.reset();
        db.update("DELETE FROM key_binding_event");
        db.update("DELETE FROM key_binding");
        db.update("DELETE FROM flow_session");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static Map<String, Object> flow(String phone, String type, Object... more) {
        Map<String, Object> body = new HashMap<>();
        body.put("phoneNumber", phone);
        body.put("possessionType", type);
        if ("desktop".equals(type)) {
            body.put("finalTargetUrl", "https://www.example.com/landing-page");
        }
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    JsonPath start(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(API + "/possession-flows").then()
                .statusCode(201).body("flowId", notNullValue()).body("authToken", notNullValue())
                .body("status", equalTo("PENDING")).extract().jsonPath();
    }

    /** The client step has finished: the result step asks Prove. */
    JsonPath status(String flowId) {
        return given().post(API + "/possession-flows/" + flowId + "/result").then().statusCode(200).extract()
                .jsonPath();
    }

    void step(JsonPath started, String action, Object... body) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < body.length; i += 2) {
            fields.put((String) body[i], body[i + 1]);
        }
        sandbox.clientStep(started.getString("authToken"), action, fields).then().statusCode(200);
    }

    Map<String, String> session(String flowId) {
        return db.single("SELECT * FROM flow_session WHERE id = ?", flowId);
    }

    List<Map<String, String>> bindings(String deviceId) {
        return db.rows("SELECT * FROM key_binding WHERE device_id = ? ORDER BY bound_at, state", deviceId);
    }

    List<String> history(String bindingId) {
        return db.rows("SELECT event FROM key_binding_event WHERE binding_id = ? ORDER BY seq", bindingId).stream()
                .map(row -> row.get("event")).toList();
    }

    /** Runs a mobile flow that passes on OTP 1234 on the given simulated device. */
    JsonPath verifiedByOtp(String phone, String device, Object... more) {
        JsonPath started = start(flow(phone, "mobile", more));
        step(started, "otp", "device", device, "otp", "1234");
        JsonPath result = status(started.getString("flowId"));
        assertThat(result.getString("status")).isEqualTo("VERIFIED");
        return result;
    }

    // ---- Prove-led possession --------------------------------------------------------------------------------

    @Test
    void lorantOnMobilePassesWithOtpAndTheNextFlowOnTheSameDevicePassesOnTheKeyAlone() {
        String customer = "CUST-" + UUID.randomUUID();
        JsonPath first = verifiedByOtp(LORANT, "lorant-phone", "customerReference", customer);
        String deviceId = first.getString("deviceId");
        assertThat(deviceId).isNotBlank();
        assertThat(first.getString("proveId")).isNotBlank();
        assertThat(first.getString("phoneNumber")).isEqualTo("+12001004014");
        assertThat(first.getList("reasons.result", String.class)).contains("pass");

        Map<String, String> row = session(first.getString("flowId"));
        assertThat(row).containsEntry("state", "VERIFIED").containsEntry("kind", "POSSESSION")
                .containsEntry("device_id", deviceId).containsEntry("phone_number", "+12001004014")
                .containsEntry("customer_ref", customer);
        assertThat(row.get("correlation_id")).matches("[0-9a-f-]{36}");
        List<Map<String, String>> bound = bindings(deviceId);
        assertThat(bound).hasSize(1);
        assertThat(bound.get(0)).containsEntry("state", "ACTIVE").containsEntry("phone_number", "+12001004014")
                .containsEntry("customer_ref", customer).containsEntry("prove_id", first.getString("proveId"));
        assertThat(history(bound.get(0).get("id"))).containsExactly("BOUND");

        // Second flow, same customer, no deviceId sent: the gateway recovers the device for Prove.
        JsonPath second = given().contentType(ContentType.JSON)
                .body(flow(LORANT, "mobile", "customerReference", customer)).post(API + "/possession-flows").then()
                .statusCode(201).body("deviceRecovered", equalTo(true)).extract().jsonPath();
        assertThat(sandbox.lastBody("/v3/unify")).containsEntry("deviceId", deviceId);
        step(second, "key", "device", "lorant-phone");
        JsonPath again = status(second.getString("flowId"));
        assertThat(again.getString("status")).isEqualTo("VERIFIED");
        assertThat(again.getString("deviceId")).isEqualTo(deviceId);
        assertThat(bindings(deviceId)).hasSize(1);
        assertThat(history(bound.get(0).get("id"))).containsExactly("BOUND", "USED");
    }

    @Test
    void readingTheStatusTwiceGivesTheSameAnswerAndRecordsNothingTwice() {
        JsonPath started = start(flow(LORANT, "mobile"));
        step(started, "otp", "device", "twice", "otp", "1234");
        String flowId = started.getString("flowId");
        JsonPath first = status(flowId);
        int statusCalls = sandbox.calls("/v3/unify-status");
        JsonPath second = status(flowId);
        assertThat(second.getMap("")).isEqualTo(first.getMap(""));
        assertThat(sandbox.calls("/v3/unify-status")).as("a final outcome is read from the database")
                .isEqualTo(statusCalls);
        String bindingId = bindings(first.getString("deviceId")).get(0).get("id");
        assertThat(history(bindingId)).containsExactly("BOUND");
    }

    @Test
    void lorantOnDesktopPassesByInstantLinkWithoutAKey() {
        JsonPath started = start(flow(LORANT, "desktop"));
        step(started, "instant-link");
        JsonPath result = status(started.getString("flowId"));
        assertThat(result.getString("status")).isEqualTo("VERIFIED");
        assertThat(result.getString("proveId")).isNotBlank();
        assertThat(result.getString("deviceId")).isNull();
        assertThat(session(started.getString("flowId"))).containsEntry("state", "VERIFIED")
                .containsEntry("device_id", null);
        assertThat(db.count("SELECT COUNT(*) FROM key_binding")).isZero();
        assertThat(sandbox.lastBody("/v3/unify")).containsEntry("finalTargetUrl",
                "https://www.example.com/landing-page").doesNotContainKey("deviceId");
    }

    @Test
    void laneyAndBonnieFailPossession() {
        JsonPath laney = start(flow(LANEY, "mobile"));
        step(laney, "otp", "device", "laney", "otp", "1111");
        JsonPath laneyResult = status(laney.getString("flowId"));
        assertThat(laneyResult.getString("status")).isEqualTo("POSSESSION_FAILED");
        assertThat(laneyResult.getList("reasons.code", String.class)).contains("9100");

        JsonPath bonnie = start(flow(BONNIE, "desktop"));
        step(bonnie, "instant-link");
        assertThat(status(bonnie.getString("flowId")).getString("status")).isEqualTo("POSSESSION_FAILED");
        assertThat(session(bonnie.getString("flowId"))).containsEntry("state", "POSSESSION_FAILED");
        assertThat(db.count("SELECT COUNT(*) FROM key_binding")).isZero();
    }

    @Test
    void bonnieFailsOtpOnMobile() {
        JsonPath bonnie = start(flow(BONNIE, "mobile"));
        step(bonnie, "otp", "device", "bonnie", "otp", "1111");
        JsonPath result = status(bonnie.getString("flowId"));
        assertThat(result.getString("status")).isEqualTo("POSSESSION_FAILED");
        assertThat(result.getString("phoneNumber")).isEqualTo(BONNIE);
    }

    @Test
    void bertieOnMobilePassesWithOtpAndHisKeyIsBound() {
        JsonPath result = verifiedByOtp(BERTIE, "bertie");
        assertThat(result.getString("phoneNumber")).isEqualTo(BERTIE);
        assertThat(bindings(result.getString("deviceId"))).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("phone_number", BERTIE).containsEntry("state", "ACTIVE"));
    }

    @Test
    void ingeAndAllissaPassMobileAuth() {
        for (String phone : List.of(INGE, ALLISSA)) {
            JsonPath started = start(flow(phone, "mobile"));
            step(started, "mobile-auth", "device", "mobile-auth-" + phone);
            JsonPath result = status(started.getString("flowId"));
            assertThat(result.getString("status")).as(phone).isEqualTo("VERIFIED");
            assertThat(result.getString("deviceId")).as(phone).isNotBlank();
            assertThat(bindings(result.getString("deviceId"))).as(phone).hasSize(1);
        }
    }

    @Test
    void jesseAndWendyFailMobileAuth() {
        for (String phone : List.of(JESSE, WENDY)) {
            JsonPath started = start(flow(phone, "mobile"));
            step(started, "mobile-auth", "device", "fail-" + phone);
            JsonPath result = status(started.getString("flowId"));
            assertThat(result.getString("status")).as(phone).isEqualTo("POSSESSION_FAILED");
            assertThat(result.getList("reasons.code", String.class)).as(phone).contains("9100");
        }
        assertThat(db.count("SELECT COUNT(*) FROM key_binding")).isZero();
    }

    @Test
    void pennyAndAmiiFallBackToOtpAndFailTheReputationCheck() {
        for (String phone : List.of(PENNY, AMII)) {
            // Reputation first: its failed outcome records no binding, so the next flow recovers no device.
            JsonPath risky = start(flow(phone, "mobile", "checkReputation", true));
            step(risky, "mobile-auth", "device", "risk-" + phone);
            step(risky, "otp", "device", "risk-" + phone, "otp", "1234");
            JsonPath result = status(risky.getString("flowId"));
            assertThat(result.getString("status")).as(phone).isEqualTo("RISK_CHECK_FAILED");
            assertThat(result.getList("reasons.category", String.class)).as(phone).contains("risk");
            assertThat(sandbox.lastBody("/v3/unify")).containsEntry("checkReputation", true);

            JsonPath started = start(flow(phone, "mobile"));
            step(started, "mobile-auth", "device", "fallback-" + phone);
            assertThat(status(started.getString("flowId")).getString("status")).as(phone).isEqualTo("PENDING");
            step(started, "otp", "device", "fallback-" + phone, "otp", "1234");
            assertThat(status(started.getString("flowId")).getString("status")).as(phone).isEqualTo("VERIFIED");
        }
    }

    @Test
    void pennysRevokedKeyIsReportedAndRecordedAndAFullCheckReestablishesIt() {
        String customer = "CUST-" + UUID.randomUUID();
        JsonPath started = start(flow(PENNY, "mobile", "customerReference", customer));
        step(started, "mobile-auth", "device", "penny");
        step(started, "otp", "device", "penny", "otp", "1234");
        JsonPath first = status(started.getString("flowId"));
        String deviceId = first.getString("deviceId");
        assertThat(first.getString("status")).isEqualTo("VERIFIED");

        // Penny's key is revoked at Prove; the gateway recovers her device for the next flow and Prove says 8019.
        given().contentType(ContentType.JSON).body(flow(PENNY, "mobile", "customerReference", customer))
                .post(API + "/possession-flows").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://prove-gateway.dev/problems/key-revoked"))
                .body("proveCode", equalTo(8019));
        Map<String, String> binding = bindings(deviceId).get(0);
        assertThat(binding).containsEntry("state", "REVOKED").containsEntry("active_device_id", null);
        assertThat(history(binding.get("id"))).containsExactly("BOUND", "REVOKED");

        // The registry no longer offers the revoked device: the next flow is a full possession check.
        JsonPath fresh = start(flow(PENNY, "mobile", "customerReference", customer));
        assertThat(sandbox.lastBody("/v3/unify")).doesNotContainKey("deviceId");
        step(fresh, "mobile-auth", "device", "penny");
        step(fresh, "otp", "device", "penny", "otp", "1234");
        JsonPath reestablished = status(fresh.getString("flowId"));
        assertThat(reestablished.getString("status")).isEqualTo("VERIFIED");
        assertThat(db.count("SELECT COUNT(*) FROM key_binding WHERE phone_number = ? AND state = 'ACTIVE'",
                "+12001004041")).isEqualTo(1);
    }

    @Test
    void shortTermUsersPassWithoutAClientStepAndBindNoKey() {
        for (String phone : List.of(BARBARAANNE, JANOS)) {
            JsonPath started = start(flow(phone, "mobile"));
            JsonPath result = status(started.getString("flowId"));
            assertThat(result.getString("status")).as(phone).isEqualTo("VERIFIED");
            assertThat(result.getString("proveId")).as(phone).isNotBlank();
            assertThat(result.getString("deviceId")).as(phone).isNull();
        }
        assertThat(db.count("SELECT COUNT(*) FROM key_binding")).isZero();
    }

    /**
     * Prove's /v3/unify-status ends the check: a front end polling the flow, or a monitoring HEAD, before the
     * customer typed the code must neither call it nor end the flow; the result step afterwards still verifies.
     */
    @Test
    void pollingBeforeTheClientStepCostsNoProveCallAndLeavesTheFlowPending() {
        JsonPath started = start(flow(LORANT, "mobile"));
        String flowId = started.getString("flowId");
        for (int i = 0; i < 5; i++) {
            given().get(API + "/possession-flows/" + flowId).then().statusCode(200)
                    .body("status", equalTo("PENDING"));
            given().head(API + "/possession-flows/" + flowId).then().statusCode(200);
        }
        assertThat(sandbox.calls("/v3/unify-status")).as("a read never asks Prove").isZero();
        assertThat(session(flowId)).containsEntry("state", "PENDING");

        step(started, "otp", "device", "poller", "otp", "1234");
        given().get(API + "/possession-flows/" + flowId).then().statusCode(200).body("status", equalTo("PENDING"));
        JsonPath result = status(flowId);
        assertThat(result.getString("status")).isEqualTo("VERIFIED");
        assertThat(sandbox.calls("/v3/unify-status")).isEqualTo(1);

        // repeats of the result step and reads are answered from the database
        status(flowId);
        given().get(API + "/possession-flows/" + flowId).then().statusCode(200).body("status", equalTo("VERIFIED"))
                .body("deviceId", equalTo(result.getString("deviceId")));
        assertThat(sandbox.calls("/v3/unify-status")).as("one Prove call in all").isEqualTo(1);
    }

    @Test
    void withoutTheClientStepPossessionFails() {
        JsonPath started = start(flow(LORANT, "mobile"));
        assertThat(status(started.getString("flowId")).getString("status")).isEqualTo("POSSESSION_FAILED");
    }

    // ---- customer-supplied possession ----------------------------------------------------------------------

    @Test
    void customerSuppliedPossessionRequiresTheBanksCheckThenBindsAndTheNextFlowPassesOnTheKey() {
        String customer = "CUST-" + UUID.randomUUID();
        JsonPath started = start(flow(LORANT, "none", "customerReference", customer));
        String flowId = started.getString("flowId");
        step(started, "key", "device", "own-check");
        status(flowId);
        given().get(API + "/possession-flows/" + flowId).then().statusCode(200)
                .body("status", equalTo("POSSESSION_REQUIRED")).body("deviceId", nullValue());
        assertThat(session(flowId)).containsEntry("state", "POSSESSION_REQUIRED");

        JsonPath bound = given().contentType(ContentType.JSON).body(Map.of("possessionCheckPassed", true))
                .post(API + "/possession-flows/" + flowId + "/bind").then().statusCode(200)
                .body("status", equalTo("VERIFIED")).extract().jsonPath();
        String deviceId = bound.getString("deviceId");
        assertThat(deviceId).isNotBlank();
        assertThat(sandbox.lastBody("/v3/unify-bind")).containsEntry("phoneNumber", "+12001004014");
        Map<String, String> binding = bindings(deviceId).get(0);
        assertThat(binding).containsEntry("state", "ACTIVE").containsEntry("customer_ref", customer);
        assertThat(history(binding.get("id"))).containsExactly("BOUND");

        // A second bind is refused locally, without calling Prove.
        int binds = sandbox.calls("/v3/unify-bind");
        given().contentType(ContentType.JSON).body(Map.of("possessionCheckPassed", true))
                .post(API + "/possession-flows/" + flowId + "/bind").then().statusCode(409)
                .body("type", equalTo("https://prove-gateway.dev/problems/step-not-allowed"))
                .body("flowId", equalTo(flowId));
        assertThat(sandbox.calls("/v3/unify-bind")).isEqualTo(binds);

        JsonPath next = start(flow(LORANT, "none", "customerReference", customer));
        step(next, "key", "device", "own-check");
        JsonPath result = status(next.getString("flowId"));
        assertThat(result.getString("status")).isEqualTo("VERIFIED");
        assertThat(result.getString("deviceId")).isEqualTo(deviceId);
        assertThat(history(binding.get("id"))).containsExactly("BOUND", "USED");
    }

    @Test
    void bindIsRefusedUnlessTheBanksOwnCheckPassed() {
        JsonPath started = start(flow(LORANT, "none"));
        step(started, "key", "device", "refuse");
        String flowId = started.getString("flowId");
        assertThat(status(flowId).getString("status")).isEqualTo("POSSESSION_REQUIRED");
        given().contentType(ContentType.JSON).body(Map.of("possessionCheckPassed", false))
                .post(API + "/possession-flows/" + flowId + "/bind").then().statusCode(400)
                .body("errors.field", hasItem("possessionCheckPassed"));
        assertThat(sandbox.calls("/v3/unify-bind")).isZero();
    }

    // ---- 9101 and rebind -------------------------------------------------------------------------------------

    @Test
    void aKeyBoundToAnotherNumberNeedsARebindThatMovesItAndKeepsTheOldBindingAsSuperseded() {
        String customer = "CUST-" + UUID.randomUUID();
        JsonPath lorant = verifiedByOtp(LORANT, "shared-phone", "customerReference", customer);
        String deviceId = lorant.getString("deviceId");
        String oldBinding = bindings(deviceId).get(0).get("id");

        // The same customer now uses Bertie's number on that device: Prove answers 9101.
        JsonPath other = start(flow(BERTIE, "mobile", "customerReference", customer));
        assertThat(sandbox.lastBody("/v3/unify")).containsEntry("deviceId", deviceId);
        step(other, "key", "device", "shared-phone");
        JsonPath mismatch = status(other.getString("flowId"));
        assertThat(mismatch.getString("status")).isEqualTo("REBIND_REQUIRED");
        assertThat(mismatch.getList("reasons.code", String.class)).contains("9101");
        assertThat(bindings(deviceId).get(0)).containsEntry("state", "STALE");

        JsonPath rebind = start(flow(BERTIE, "mobile", "customerReference", customer, "rebind", true));
        assertThat(sandbox.lastBody("/v3/unify")).containsEntry("rebind", true);
        step(rebind, "otp", "device", "shared-phone", "otp", "1234");
        JsonPath moved = status(rebind.getString("flowId"));
        assertThat(moved.getString("status")).isEqualTo("VERIFIED");
        assertThat(moved.getString("deviceId")).isEqualTo(deviceId);

        List<Map<String, String>> all = bindings(deviceId);
        assertThat(all).extracting(b -> b.get("phone_number") + "/" + b.get("state"))
                .containsExactlyInAnyOrder("+12001004014/SUPERSEDED", "+2001004025/ACTIVE");
        assertThat(history(oldBinding)).containsExactly("BOUND", "STALE", "SUPERSEDED");
        String newBinding = all.stream().filter(b -> "ACTIVE".equals(b.get("state"))).findFirst().orElseThrow()
                .get("id");
        assertThat(history(newBinding)).containsExactly("REBOUND");
    }
}
