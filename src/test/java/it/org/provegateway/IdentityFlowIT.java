package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import it.org.provegateway.support.Sandbox;

/**
 * Prove Identity end to end through the gateway's HTTP API, with the emulator standing in for Prove and its
 * simulated client step for the browser. Each scenario also checks the session row, and, where it matters, what
 * Prove received (or that it received nothing).
 */
class IdentityFlowIT extends GatewayIT {

    static final String MARTINA = "2001004000";
    static final String MILO = "2001001695";
    static final String BENJI = "2001004009";
    static final String MARCIA = "2001001693";

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @BeforeEach
    void freshProveAndTables() {
        sandbox.reset();
        db.update("DELETE FROM key_binding_event");
        db.update("DELETE FROM key_binding");
        db.update("DELETE FROM flow_session");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static Map<String, Object> startBody(String phone, String flowType) {
        Map<String, Object> body = new HashMap<>();
        body.put("phoneNumber", phone);
        body.put("flowType", flowType);
        if ("desktop".equals(flowType)) {
            body.put("finalTargetUrl", "https://www.example.com/landing-page");
        }
        return body;
    }

    JsonPath start(String phone, String flowType) {
        return given().contentType(ContentType.JSON).body(startBody(phone, flowType)).post(API + "/identity-flows")
                .then().statusCode(201).body("status", equalTo("STARTED")).body("flowType", equalTo(flowType))
                .extract().jsonPath();
    }

    static Response validate(String flowId) {
        return given().contentType(ContentType.JSON).post(API + "/identity-flows/" + flowId + "/validate");
    }

    static Response complete(String flowId, Map<String, Object> individual) {
        return given().contentType(ContentType.JSON).body(Map.of("individual", individual))
                .post(API + "/identity-flows/" + flowId + "/complete");
    }

    /** Started and validated (the client step, if any, already done by the caller's choice of user). */
    String validated(String phone, String flowType) {
        String flowId = start(phone, flowType).getString("flowId");
        validate(flowId).then().statusCode(200).body("status", equalTo("VALIDATED"));
        return flowId;
    }

    static Map<String, Object> individual(String first, String last, String dob, String ssn, String street,
            String city, String region, String zip, String email) {
        Map<String, Object> address = new HashMap<>();
        address.put("address", street);
        address.put("city", city);
        address.put("region", region);
        address.put("postalCode", zip);
        Map<String, Object> person = new HashMap<>();
        person.put("firstName", first);
        person.put("lastName", last);
        person.put("dob", dob);
        person.put("ssn", ssn);
        person.put("addresses", List.of(address));
        person.put("emailAddresses", List.of(email));
        return person;
    }

    static Map<String, Object> benji() {
        return individual("Benji", "Harper", "1994-09-02", "565252770", "27 Financial Place", "Bakersfield", "CA",
                "93301-2425", "bharperd@superstars.com");
    }

    static Map<String, Object> with(Map<String, Object> person, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(person);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    Map<String, String> session(String flowId) {
        return db.single("SELECT * FROM flow_session WHERE id = ?", flowId);
    }

    static void assertNoPersonalData(String text, String... values) {
        for (String value : values) {
            assertThat(text).as("no personal data echoed").doesNotContainIgnoringCase(value);
        }
    }

    static void expectInvalid(Response answer, String field) {
        answer.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://prove-gateway.dev/problems/invalid-request"))
                .body("errors.field", hasItem(field));
    }

    // ---- short-term users: no client step ------------------------------------------------------------------

    @Test
    void martinaIsVerifiedThroughStartValidateAndCompleteWithoutAClientStep() {
        JsonPath started = start(MARTINA, "mobile");
        String flowId = started.getString("flowId");
        assertThat(started.getString("authToken")).isNotBlank();
        assertThat(started.getString("expiresAt")).isNotBlank();
        assertThat(sandbox.lastBody("/v3/start")).containsEntry("flowType", "mobile")
                .containsEntry("phoneNumber", "+12001004000").doesNotContainKeys("dob", "ssn", "emailAddress");
        assertThat(session(flowId)).containsEntry("kind", "IDENTITY").containsEntry("state", "STARTED")
                .containsEntry("flow_type", "mobile").containsEntry("phone_number", "+12001004000");

        JsonPath validation = validate(flowId).then().statusCode(200).extract().jsonPath();
        assertThat(validation.getString("status")).isEqualTo("VALIDATED");
        assertThat(validation.getBoolean("phoneValidated")).isTrue();
        assertThat(validation.getString("nextStep")).isEqualTo("complete");
        assertThat(validation.getString("phoneNumber")).isEqualTo("+12001004000");
        assertThat(session(flowId)).containsEntry("state", "VALIDATED");

        Response answer = complete(flowId, individual("Martina", "Goodram", "1995-07-26", "490959347",
                "28965 Homewood Plaza", "Little Rock", "AR", "72204", "mgoodram0@nasa.gov"));
        answer.then().statusCode(200);
        JsonPath result = answer.jsonPath();
        assertThat(result.getString("status")).isEqualTo("IDENTITY_VERIFIED");
        assertThat(result.getBoolean("verified")).isTrue();
        assertThat(result.getList("reasons.result", String.class)).containsExactly("pass");
        assertThat(result.getString("idv.multiCipConfidence")).isEqualTo("high");
        // Prove's production shape: booleans stay booleans, scores stay integers (never words, never "5")
        assertThat(result.<Object>get("idv.dataSource1.name.firstName")).isInstanceOf(Integer.class);
        assertThat(result.<Object>get("idv.dataSource1.name.nameScore")).isInstanceOf(Integer.class);
        assertThat(result.<Object>get("idv.dataSource1.identifiers.ssn")).isEqualTo(true);
        assertThat(result.<Object>get("idv.dataSource1.identifiers.dob")).isEqualTo(true);
        assertThat(result.<Object>get("idv.dataSource1.address.street")).isEqualTo(true);
        assertThat(result.<Object>get("idv.dataSource1.address.city")).isEqualTo(true);
        assertThat(result.<Object>get("idv.dataSource1.address.streetNumber")).isInstanceOf(Integer.class);
        assertThat(result.<Object>get("idv.dataSource1.email.emailAddress")).isEqualTo(true);
        assertThat(result.<Object>get("idv.dataSource1.cipConfidence")).isInstanceOf(String.class);
        assertThat(result.getInt("kyc.totalHits")).isZero();
        assertNoPersonalData(answer.asString(), "490959347", "1995-07-26", "Homewood", "mgoodram0");

        Map<String, String> row = session(flowId);
        assertThat(row).containsEntry("state", "IDENTITY_VERIFIED");
        assertNoPersonalData(row.toString(), "490959347", "1995", "Homewood", "Goodram", "mgoodram0");
        assertThat(sandbox.calls("/v3/complete")).isEqualTo(1);
    }

    // ---- Pre-Fill: validate asks for the challenge, which answers the pre-filled individual -----------------

    static Response challenge(String flowId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(API + "/identity-flows/" + flowId + "/challenge");
    }

    @Test
    void miloTakesPreFillFromValidateThroughTheChallengeToAVerifiedComplete() {
        String flowId = start(MILO, "desktop").getString("flowId");
        validate(flowId).then().statusCode(200).body("status", equalTo("CHALLENGE_REQUIRED"))
                .body("phoneValidated", equalTo(true)).body("nextStep", equalTo("challenge"));
        assertThat(session(flowId)).containsEntry("state", "CHALLENGE_REQUIRED");

        // complete before the challenge, and a challenge the gateway can refuse itself: Prove is not called
        complete(flowId, Map.of("ssn", "0596")).then().statusCode(409)
                .body("type", equalTo("https://prove-gateway.dev/problems/step-not-allowed"));
        expectInvalid(challenge(flowId, Map.of("ssn", "12345")), "ssn");
        expectInvalid(challenge(flowId, Map.of("dob", "1981-02-30")), "dob");
        expectInvalid(challenge(flowId, Map.of()), "dob");
        assertThat(sandbox.calls("/v3/challenge")).isZero();

        Response answer = challenge(flowId, Map.of("dob", "1981-01", "ssn", "0596"));
        JsonPath result = answer.then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("status")).isEqualTo("VALIDATED");
        assertThat(result.getBoolean("passed")).isTrue();
        assertThat(result.getString("nextStep")).isEqualTo("complete");
        assertThat(result.getString("individual.firstName")).isEqualTo("Milo");
        assertThat(result.getString("individual.lastName")).isEqualTo("Pinson");
        assertThat(result.getString("individual.ssn")).isEqualTo("847350596");
        assertThat(result.getString("individual.dob")).startsWith("1981-01-17");
        assertThat(result.getString("individual.addresses[0].city")).isEqualTo("Littleton");
        assertThat(result.getList("individual.emailAddresses", String.class)).containsExactly("mpinsonm@dyndns.org");
        assertThat(sandbox.lastBody("/v3/challenge")).containsEntry("dob", "1981-01").containsEntry("ssn", "0596");
        Map<String, String> row = session(flowId);
        assertThat(row).containsEntry("state", "VALIDATED");
        assertNoPersonalData(row.toString(), "847350596", "Birchwood", "mpinsonm", "1981");

        // once only; then complete with the confirmed individual
        challenge(flowId, Map.of("ssn", "0596")).then().statusCode(409);
        JsonPath verified = complete(flowId, Map.of("firstName", "Milo", "lastName", "Pinson", "dob", "1981-01-17",
                "ssn", "847350596")).then().statusCode(200).extract().jsonPath();
        assertThat(verified.getString("status")).isEqualTo("IDENTITY_VERIFIED");
        assertThat(verified.<Object>get("idv.dataSource1.identifiers.ssn")).isEqualTo(true);
        assertThat(session(flowId)).containsEntry("state", "IDENTITY_VERIFIED").containsEntry("flow_type", "desktop");
        assertThat(sandbox.calls("/v3/challenge")).isEqualTo(1);
        assertThat(sandbox.calls("/v3/complete")).isEqualTo(1);
    }

    @Test
    void marciaWithAWrongDateOfBirthFailsTheChallengeAndTheFlowEnds() {
        JsonPath started = start(MARCIA, "mobile");
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("otp", "1234")).then().statusCode(200);
        validate(flowId).then().statusCode(200).body("status", equalTo("CHALLENGE_REQUIRED"));

        Response answer = challenge(flowId, Map.of("dob", "1982-07-20"));
        JsonPath result = answer.then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("status")).isEqualTo("CHALLENGE_FAILED");
        assertThat(result.getBoolean("passed")).isFalse();
        assertThat(result.getString("nextStep")).isEqualTo("none");
        assertThat(result.getString("individual")).isNull();
        assertThat(result.getList("reasons.code", String.class)).contains("9013");
        assertThat(session(flowId)).containsEntry("state", "CHALLENGE_FAILED");
        complete(flowId, Map.of("ssn", "470806227")).then().statusCode(409);
        assertThat(sandbox.calls("/v3/complete")).isZero();
    }

    @Test
    void theChallengeIsOnlyForAFlowWhoseValidateAskedForItAndNotOnceExpired() {
        String started = start(MILO, "mobile").getString("flowId");
        challenge(started, Map.of("ssn", "0596")).then().statusCode(409)
                .body("type", equalTo("https://prove-gateway.dev/problems/step-not-allowed"))
                .body("flowId", equalTo(started));
        String identity = validated(MARTINA, "mobile");
        challenge(identity, Map.of("ssn", "9347")).then().statusCode(409);
        challenge(UUID.randomUUID().toString(), Map.of("ssn", "9347")).then().statusCode(404);

        String expiring = start(MILO, "desktop").getString("flowId");
        validate(expiring).then().statusCode(200).body("status", equalTo("CHALLENGE_REQUIRED"));
        db.update("UPDATE flow_session SET expires_at = CAST(? AS TIMESTAMP) WHERE id = ?",
                Timestamp.from(Instant.now().minusMillis(1)).toString(), expiring);
        challenge(expiring, Map.of("ssn", "0596")).then().statusCode(410)
                .body("type", equalTo("https://prove-gateway.dev/problems/flow-expired"));
        assertThat(sandbox.calls("/v3/challenge")).isZero();
    }

    @Test
    void aNumberOfAnotherProductOrOfNoTestUserIsTheCallersInputRejectedByProve() {
        given().contentType(ContentType.JSON).body(Map.of("phoneNumber", "2001004014", "flowType", "mobile"))
                .post(API + "/identity-flows").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://prove-gateway.dev/problems/prove-rejected-input"))
                .body("proveCode", equalTo(8009));
        given().contentType(ContentType.JSON).body(Map.of("phoneNumber", MARTINA, "possessionType", "mobile"))
                .post(API + "/possession-flows").then().statusCode(422)
                .body("type", equalTo("https://prove-gateway.dev/problems/prove-rejected-input"))
                .body("proveCode", equalTo(8009));
        assertThat(db.count("SELECT COUNT(*) FROM flow_session")).isZero();
    }

    // ---- Benji: client step, own record and mismatches ------------------------------------------------------

    @Test
    void benjiOnMobileWithOtpIsVerifiedWithHisOwnRecord() {
        JsonPath started = start(BENJI, "mobile");
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("otp", "1234")).then().statusCode(200)
                .body("outcome", equalTo("passed"));
        validate(flowId).then().statusCode(200).body("status", equalTo("VALIDATED"))
                .body("phoneValidated", equalTo(true)).body("nextStep", equalTo("complete"));

        Response answer = complete(flowId, benji());
        answer.then().statusCode(200).body("status", equalTo("IDENTITY_VERIFIED")).body("verified", equalTo(true))
                .body("idv.dataSource1.address.postalCode", equalTo(true));
        assertNoPersonalData(answer.asString(), "565252770", "1994-09-02", "Financial Place", "superstars");
        assertThat(session(flowId)).containsEntry("state", "IDENTITY_VERIFIED");
        Map<String, Object> sent = sandbox.lastBody("/v3/complete");
        assertThat(sent.toString()).contains("565252770", "Financial Place");
    }

    @Test
    void benjiOnDesktopWithInstantLinkAndAWrongNameIsNotVerified() {
        JsonPath started = start(BENJI, "desktop");
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "instant-link").then().statusCode(200)
                .body("outcome", equalTo("passed"));
        validate(flowId).then().statusCode(200).body("status", equalTo("VALIDATED"));

        JsonPath result = complete(flowId, with(benji(), "firstName", "Bengt")).then().statusCode(200).extract()
                .jsonPath();
        assertThat(result.getString("status")).isEqualTo("IDENTITY_NOT_VERIFIED");
        assertThat(result.getBoolean("verified")).isFalse();
        assertThat(result.getList("reasons.code", String.class)).containsExactly("9014");
        assertThat(result.getList("reasons.category", String.class)).containsExactly("identification");
        assertThat(result.<Object>get("idv.dataSource1.name.firstName")).as("a score, not a word")
                .isInstanceOf(Integer.class);
        assertThat(result.<Object>get("idv.dataSource1.name.lastName")).isInstanceOf(Integer.class);
        Map<String, String> row = session(flowId);
        assertThat(row).containsEntry("state", "IDENTITY_NOT_VERIFIED");
        assertThat(row.get("failure_reasons")).contains("9014").doesNotContain("Bengt");
    }

    @Test
    void benjiOnMobileWithAWrongSsnIsNotVerified() {
        JsonPath started = start(BENJI, "mobile");
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("otp", "1234")).then().statusCode(200);
        validate(flowId).then().statusCode(200);

        Response answer = complete(flowId, with(benji(), "ssn", "565252771"));
        JsonPath result = answer.then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("status")).isEqualTo("IDENTITY_NOT_VERIFIED");
        assertThat(result.getList("reasons.code", String.class)).containsExactly("9012");
        assertThat(result.<Object>get("idv.dataSource1.identifiers.ssn")).isEqualTo(false);
        assertNoPersonalData(answer.asString(), "565252771");
        assertThat(session(flowId)).containsEntry("state", "IDENTITY_NOT_VERIFIED");
    }

    // ---- step order ---------------------------------------------------------------------------------------

    @Test
    void aFailedOtpFailsValidationAndCompleteIsRefusedWithoutCallingProve() {
        JsonPath started = start(BENJI, "mobile");
        String flowId = started.getString("flowId");
        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("otp", "0000")).then().statusCode(200)
                .body("outcome", equalTo("failed"));

        validate(flowId).then().statusCode(200).body("status", equalTo("VALIDATION_FAILED"))
                .body("phoneValidated", equalTo(false)).body("nextStep", equalTo("none"));
        assertThat(session(flowId)).containsEntry("state", "VALIDATION_FAILED");

        complete(flowId, benji()).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://prove-gateway.dev/problems/step-not-allowed"))
                .body("flowId", equalTo(flowId));
        validate(flowId).then().statusCode(409);
        assertThat(sandbox.calls("/v3/complete")).isZero();
        assertThat(sandbox.calls("/v3/validate")).isEqualTo(1);
        assertThat(session(flowId)).containsEntry("state", "VALIDATION_FAILED");
    }

    @Test
    void completeBeforeValidateIsNotAllowedAndProveIsNeverCalled() {
        String flowId = start(MARTINA, "mobile").getString("flowId");
        complete(flowId, individual("Martina", "Goodram", "1995-07-26", "490959347", "28965 Homewood Plaza",
                "Little Rock", "AR", "72204", "mgoodram0@nasa.gov")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://prove-gateway.dev/problems/step-not-allowed"))
                .body("flowId", equalTo(flowId));
        assertThat(sandbox.calls("/v3/complete")).isZero();
        assertThat(session(flowId)).containsEntry("state", "STARTED");
    }

    @Test
    void anExpiredFlowAnswers410WithoutCallingProve() {
        // Expired, but within the purge grace period (test.xml), so the row is still there.
        String flowId = start(MARTINA, "mobile").getString("flowId");
        db.update("UPDATE flow_session SET expires_at = CAST(? AS TIMESTAMP) WHERE id = ?",
                Timestamp.from(Instant.now().minusMillis(1)).toString(), flowId);
        validate(flowId).then().statusCode(410).body("type", equalTo("https://prove-gateway.dev/problems/flow-expired"))
                .body("flowId", equalTo(flowId));
        assertThat(sandbox.calls("/v3/validate")).isZero();
    }

    @Test
    void identityAndPossessionFlowIdsDoNotMix() {
        String identity = start(MARTINA, "mobile").getString("flowId");
        given().get(API + "/possession-flows/" + identity).then().statusCode(404)
                .body("type", equalTo("https://prove-gateway.dev/problems/flow-not-found"));
        given().contentType(ContentType.JSON).body(Map.of("possessionCheckPassed", true))
                .post(API + "/possession-flows/" + identity + "/bind").then().statusCode(404);

        String possession = given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", "2001004014", "possessionType", "mobile")).post(API + "/possession-flows")
                .then().statusCode(201).extract().path("flowId");
        validate(possession).then().statusCode(404)
                .body("type", equalTo("https://prove-gateway.dev/problems/flow-not-found"));
        complete(possession, benji()).then().statusCode(404);
        validate(UUID.randomUUID().toString()).then().statusCode(404);
        validate("not-a-flow").then().statusCode(400).body("errors.field", hasItem("flowId"));
        assertThat(sandbox.calls("/v3/validate")).isZero();
        assertThat(sandbox.calls("/v3/complete")).isZero();
    }

    // ---- bad input, refused before Prove --------------------------------------------------------------------

    @Test
    void anIndividualWithoutNameAndSsnIsRefusedBeforeProveAndTheFlowStaysOpen() {
        String flowId = validated(MARTINA, "mobile");
        Map<String, Object> nameless = with(with(with(individual("Martina", "Goodram", "1995-07-26", "490959347",
                "28965 Homewood Plaza", "Little Rock", "AR", "72204", "mgoodram0@nasa.gov"), "firstName", null),
                "lastName", null), "ssn", null);
        Response answer = complete(flowId, nameless);
        expectInvalid(answer, "individual.firstName");
        answer.then().body("flowId", equalTo(flowId));
        assertNoPersonalData(answer.asString(), "1995-07-26", "Homewood", "mgoodram0");
        expectInvalid(complete(flowId, Map.of("firstName", "Martina")), "individual.lastName");
        expectInvalid(complete(flowId, Map.of("firstName", "Martina", "lastName", " ")), "individual.lastName");
        assertThat(sandbox.calls("/v3/complete")).isZero();
        assertThat(session(flowId)).containsEntry("state", "VALIDATED");

        complete(flowId, Map.of("ssn", "490959347")).then().statusCode(200)
                .body("status", equalTo("IDENTITY_VERIFIED"));
    }

    @Test
    void badFormatsAreRefusedBeforeProveNamingTheFieldButNotTheValue() {
        // Martina (Prove Identity) is VALIDATED after validate; Milo is Pre-Fill (CHALLENGE_REQUIRED). The bad
        // individuals below are refused before Prove, so whose details they resemble does not matter.
        String flowId = validated(MARTINA, "mobile");
        Map<String, Object> milo = individual("Milo", "Pinson", "1981-01-17", "847350596", "6377 Birchwood Hill",
                "Littleton", "CO", "80161-2001", "mpinsonm@dyndns.org");

        for (String dob : List.of("1981-02-30", "17/01/1981", "1981-1-17", "2999-01-01", "13-01")) {
            Response answer = complete(flowId, with(milo, "dob", dob));
            expectInvalid(answer, "individual.dob");
            assertNoPersonalData(answer.asString(), dob, "847350596", "Birchwood");
        }
        for (String ssn : List.of("84735059", "847-35-0596", "ssn847350596", "000350596", "12345")) {
            Response answer = complete(flowId, with(milo, "ssn", ssn));
            expectInvalid(answer, "individual.ssn");
            assertNoPersonalData(answer.asString(), ssn, "1981-01-17");
        }
        Map<String, Object> badZip = new HashMap<>(Map.of("address", "6377 Birchwood Hill", "city", "Littleton",
                "region", "CO", "postalCode", "8016"));
        for (String zip : List.of("8016", "80161-20", "80161 2001", "ABCDE")) {
            badZip.put("postalCode", zip);
            Response answer = complete(flowId, with(milo, "addresses", List.of(badZip)));
            expectInvalid(answer, "individual.addresses[0].postalCode");
            assertNoPersonalData(answer.asString(), zip, "847350596");
        }
        Map<String, Object> address = Map.of("address", "6377 Birchwood Hill", "postalCode", "80161");
        expectInvalid(complete(flowId, with(milo, "addresses", List.of(address, address))), "individual.addresses");
        expectInvalid(complete(flowId, with(milo, "emailAddresses", List.of("a@b.com", "c@d.com"))),
                "individual.emailAddresses");
        expectInvalid(complete(flowId, with(milo, "emailAddresses", List.of("not an email"))),
                "individual.emailAddresses[0]");
        expectInvalid(complete(flowId, with(milo, "firstName", "M1lo")), "individual.firstName");
        expectInvalid(complete(flowId, with(milo, "lastName", "P".repeat(65))), "individual.lastName");
        expectInvalid(complete(flowId, with(milo, "addresses",
                List.of(Map.of("address", "6377 Birchwood Hill <script>")))), "individual.addresses[0].address");
        expectInvalid(complete(flowId, with(milo, "addresses", List.of(Map.of("region", "Colorado")))),
                "individual.addresses[0].region");
        given().contentType(ContentType.JSON).body(Map.of()).post(API + "/identity-flows/" + flowId + "/complete")
                .then().statusCode(400).body("errors.field", hasItem("individual"));
        given().contentType(ContentType.JSON).body("{\"individual\":{\"ssn\":847350596").post(
                API + "/identity-flows/" + flowId + "/complete").then().statusCode(400)
                .contentType("application/problem+json");

        assertThat(sandbox.calls("/v3/complete")).as("no bad individual reached Prove").isZero();
        assertThat(session(flowId)).containsEntry("state", "VALIDATED");
    }

    @Test
    void badStartRequestsAreRefusedBeforeProve() {
        expectInvalid(given().contentType(ContentType.JSON).body(Map.of("phoneNumber", BENJI))
                .post(API + "/identity-flows"), "flowType");
        expectInvalid(given().contentType(ContentType.JSON).body(Map.of("phoneNumber", BENJI, "flowType", "tablet"))
                .post(API + "/identity-flows"), "flowType");
        expectInvalid(given().contentType(ContentType.JSON).body(Map.of("phoneNumber", BENJI, "flowType", "desktop"))
                .post(API + "/identity-flows"), "finalTargetUrl");
        expectInvalid(given().contentType(ContentType.JSON).body(Map.of("phoneNumber", BENJI, "flowType", "desktop",
                "finalTargetUrl", "javascript:alert(1)")).post(API + "/identity-flows"), "finalTargetUrl");
        expectInvalid(given().contentType(ContentType.JSON).body(Map.of("phoneNumber", "+442071838750",
                "flowType", "mobile")).post(API + "/identity-flows"), "phoneNumber");
        expectInvalid(given().contentType(ContentType.JSON).body(Map.of("flowType", "mobile"))
                .post(API + "/identity-flows"), "phoneNumber");
        expectInvalid(given().contentType(ContentType.JSON).body(Map.of("phoneNumber", BENJI, "flowType", "mobile",
                "ipAddress", "300.1.1.1")).post(API + "/identity-flows"), "ipAddress");
        assertThat(sandbox.calls("/v3/start")).isZero();

        given().contentType(ContentType.JSON).body(Map.of("phoneNumber", BENJI, "flowType", "mobile",
                "ipAddress", "10.0.0.1", "allowOtpRetry", true)).post(API + "/identity-flows").then().statusCode(201);
        assertThat(sandbox.lastBody("/v3/start")).containsEntry("ipAddress", "10.0.0.1")
                .containsEntry("allowOTPRetry", true);
    }

    @Test
    void proveFailuresOnCompleteBecomeGatewayProblemsAndTheFlowStaysValidated() {
        String flowId = validated(MARTINA, "mobile");
        sandbox.fault(Map.of("endpoint", "/v3/complete", "status", 500));
        complete(flowId, Map.of("ssn", "490959347")).then().statusCode(502)
                .body("type", equalTo("https://prove-gateway.dev/problems/prove-error"))
                .body("flowId", equalTo(flowId));
        assertThat(session(flowId)).containsEntry("state", "VALIDATED");

        // A non-test number is Prove's 8007, the caller's input; the gateway does not pass on Prove's message.
        given().contentType(ContentType.JSON).body(Map.of("phoneNumber", "2015550123", "flowType", "mobile"))
                .post(API + "/identity-flows").then().statusCode(422)
                .body("type", equalTo("https://prove-gateway.dev/problems/prove-rejected-input"))
                .body("proveCode", equalTo(8007));
        assertThat(db.count("SELECT COUNT(*) FROM flow_session")).isEqualTo(1);
    }

    @Test
    void theOpenApiDocumentDescribesTheIdentityEndpointsWithExamples() {
        String document = given().accept("application/yaml").get(HOST + "/openapi").then().statusCode(200).extract()
                .asString();
        assertThat(document).contains("/api/v1/identity-flows:", "/api/v1/identity-flows/{flowId}/validate:",
                "/api/v1/identity-flows/{flowId}/complete:", "CompleteIdentityRequest", "IDENTITY_VERIFIED");
    }
}
