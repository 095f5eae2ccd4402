package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import it.org.provegateway.support.ProveSchemas;
import it.org.provegateway.support.Sandbox;

/**
 * An independent client of the emulator, built from Prove's published models only: every sandbox scenario of the
 * Unify, Pre-Fill and Prove Identity test users runs against the deployed emulator over plain HTTP, and every answer
 * (successes and errors alike) is checked against Prove's answer shapes ({@link ProveSchemas}). Zero shape errors
 * allowed; the scenarios also check the outcome each test user is documented to give (docs/sandbox.md).
 */
class ProveShapesIT extends GatewayIT {

    static final String FINAL_TARGET_URL = "https://www.prove.com";

    final Sandbox sandbox = new Sandbox(SANDBOX);
    final List<String> shapeErrors = new ArrayList<>();
    String accessToken;
    int answersChecked;

    @BeforeEach
    void freshProve() {
        sandbox.reset();
        // Many calls within one second: the rate limit is not what these tests look at.
        sandbox.settings(Map.of("rateLimitPerSecond", 10_000));
        accessToken = token("demo-client-id", "demo-client-secret", 200).getString("access_token");
    }

    @AfterEach
    void everyAnswerHadProvesShape() {
        assertThat(answersChecked).as("answers checked").isPositive();
        assertThat(shapeErrors).as("shape errors in %d answers", answersChecked).isEmpty();
    }

    // ---- the client -------------------------------------------------------------------------------------------

    JsonPath token(String clientId, String secret, int status) {
        Response answer = given().auth().none().contentType(ContentType.URLENC).formParam("client_id", clientId)
                .formParam("client_secret", secret).formParam("grant_type", "client_credentials")
                .post(SANDBOX + "/token");
        return checked("/token", answer, status);
    }

    JsonPath v3(String endpoint, Map<String, ?> body, int status) {
        Response answer = given().auth().none().header("Authorization", "Bearer " + accessToken)
                .contentType(ContentType.JSON).body(body).post(SANDBOX + endpoint);
        return checked(endpoint, answer, status);
    }

    JsonPath ok(String endpoint, Map<String, ?> body) {
        return v3(endpoint, body, 200);
    }

    /** An error answer; returns its {@code code}. */
    int error(String endpoint, Map<String, ?> body, int status) {
        return v3(endpoint, body, status).getInt("code");
    }

    private JsonPath checked(String endpoint, Response answer, int status) {
        String schema = answer.statusCode() >= 400 ? "error"
                : endpoint.equals("/token") ? "token" : endpoint.substring(1).replace('/', '-');
        answersChecked++;
        if (!answer.contentType().startsWith("application/json")) {
            shapeErrors.add(endpoint + " " + answer.statusCode() + ": content type " + answer.contentType());
        }
        ProveSchemas.problems(schema, answer.asString())
                .forEach(problem -> shapeErrors.add(endpoint + " " + answer.statusCode() + ": " + problem));
        assertThat(answer.statusCode()).as("%s answered %s", endpoint, answer.asString()).isEqualTo(status);
        return answer.jsonPath();
    }

    /** The Prove Web SDK's part, through the emulator's control API (not Prove's API: not shape-checked). */
    void client(String authToken, String action, Map<String, ?> body, String outcome) {
        sandbox.clientStep(authToken, action, body).then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo(outcome));
    }

    static Map<String, Object> unify(String phone, String type) {
        Map<String, Object> body = new HashMap<>(Map.of("possessionType", type, "clientRequestId", "shapes-" + phone));
        if (phone != null) {
            body.put("phoneNumber", phone);
        }
        if (type.equals("desktop")) {
            body.put("finalTargetUrl", FINAL_TARGET_URL);
        }
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    JsonPath status(JsonPath started) {
        return ok("/v3/unify-status", Map.of("correlationId", started.getString("correlationId")));
    }

    /** One Unify flow: start, the given client step, status. */
    JsonPath unifyFlow(Map<String, Object> request, String action, Map<String, ?> step, String stepOutcome) {
        JsonPath started = ok("/v3/unify", request);
        assertThat(started.getString("success")).isEqualTo("pending");
        if (action != null) {
            client(started.getString("authToken"), action, step, stepOutcome);
        }
        return status(started);
    }

    // ---- Unify -------------------------------------------------------------------------------------------------

    @Test
    void tokenAnswersAndErrors() {
        JsonPath token = token("demo-client-id", "demo-client-secret", 200);
        assertThat(token.getString("token_type")).isEqualTo("Bearer");
        assertThat(token("demo-client-id", "wrong", 401).getInt("code")).isEqualTo(8002);
        Response missing = given().auth().none().contentType(ContentType.URLENC).formParam("client_id", "x")
                .post(SANDBOX + "/token");
        assertThat(checked("/token", missing, 400).getInt("code")).isEqualTo(1001);
    }

    @Test
    void unifyShortTermUsersPassWithoutAClientStep() {
        for (String phone : List.of("2001004018", "+2001004029")) {
            for (String type : List.of("mobile", "desktop")) {
                JsonPath status = unifyFlow(unify(phone, type), null, Map.of(), null);
                assertThat(status.getString("success")).as(phone + " " + type).isEqualTo("true");
                assertThat(status.getString("proveId")).isNotBlank();
                assertThat(status.getString("deviceId")).isNull();
            }
        }
    }

    @Test
    void unifyPossessionUsersOnMobileAndDesktop() {
        for (String phone : List.of("2001004014", "+2001004025")) {
            JsonPath mobile = unifyFlow(unify(phone, "mobile"), "otp",
                    Map.of("otp", "1234", "device", "phone-" + phone), "passed");
            assertThat(mobile.getString("success")).isEqualTo("true");
            assertThat(mobile.getString("deviceId")).isNotBlank();
            JsonPath again = unifyFlow(unify(phone, "mobile"), "key", Map.of("device", "phone-" + phone), "passed");
            assertThat(again.getString("deviceId")).isEqualTo(mobile.getString("deviceId"));
            JsonPath desktop = unifyFlow(unify(phone, "desktop"), "instant-link", Map.of(), "passed");
            assertThat(desktop.getString("success")).isEqualTo("true");
            assertThat(desktop.getString("deviceId")).isNull();
            JsonPath wrongCode = unifyFlow(unify(phone, "mobile"), "otp", Map.of("otp", "1111", "device", "other"),
                    "failed");
            assertThat(wrongCode.getMap("evaluation.authentication.failureReasons")).containsKey("9100");
        }
        for (String phone : List.of("2001004015", "+2001004026")) {
            assertThat(unifyFlow(unify(phone, "mobile"), "otp", Map.of("otp", "1234"), "failed").getString("success"))
                    .isEqualTo("false");
            assertThat(unifyFlow(unify(phone, "desktop"), "instant-link", Map.of(), "failed").getString("success"))
                    .isEqualTo("false");
        }
        JsonPath beforeClientStep = unifyFlow(unify("2001004014", "mobile"), null, Map.of(), null);
        assertThat(beforeClientStep.getString("success")).isEqualTo("false");
        assertThat(status(ok("/v3/unify", unify("2001004014", "desktop"))).getString("success")).isEqualTo("false");
    }

    @Test
    void unifyMobileAuthUsers() {
        for (String phone : List.of("2001004016", "+2001004027")) {
            Map<String, Object> request = phone.startsWith("+") ? unify(phone, "mobile") : unify(null, "mobile");
            JsonPath passed = unifyFlow(request, "mobile-auth",
                    Map.of("phoneNumber", phone, "device", "ma-" + phone), "passed");
            assertThat(passed.getString("success")).isEqualTo("true");
        }
        for (String phone : List.of("2001004017", "+2001004028")) {
            assertThat(unifyFlow(unify(phone, "mobile"), "mobile-auth", Map.of(), "failed").getString("success"))
                    .isEqualTo("false");
        }
        for (String phone : List.of("2001004041", "+2001004043")) {
            JsonPath started = ok("/v3/unify", unify(phone, "mobile"));
            client(started.getString("authToken"), "mobile-auth", Map.of("device", "fb-" + phone), "otp_required");
            assertThat(status(started).getString("success")).isEqualTo("pending");
            client(started.getString("authToken"), "otp", Map.of("otp", "1234"), "passed");
            assertThat(status(started).getString("success")).isEqualTo("true");

            JsonPath risky = unifyFlow(with(unify(phone, "mobile"), "checkReputation", true), "otp",
                    Map.of("otp", "1234", "device", "risk-" + phone), "passed");
            assertThat(risky.getString("success")).isEqualTo("false");
            assertThat(risky.getMap("evaluation.risk.failureReasons")).containsKey("9133");
        }
    }

    @Test
    void unifyProveKeysCustomerSuppliedPossessionRebindAndRevoke() {
        JsonPath none = ok("/v3/unify", unify("2001004014", "none"));
        client(none.getString("authToken"), "key", Map.of("device", "csp"), "possession_required");
        assertThat(status(none).getString("success")).isEqualTo("possession_required");
        JsonPath bound = ok("/v3/unify-bind", Map.of("correlationId", none.getString("correlationId"),
                "phoneNumber", "2001004014"));
        assertThat(bound.getString("success")).isEqualTo("true");
        String deviceId = bound.getString("deviceId");
        assertThat(unifyFlow(unify("2001004014", "none"), "key", Map.of("device", "csp"), "passed")
                .getString("success")).isEqualTo("true");

        JsonPath otherNone = ok("/v3/unify", unify("2001004015", "none"));
        client(otherNone.getString("authToken"), "key", Map.of("device", "csp-2"), "possession_required");
        status(otherNone);
        assertThat(ok("/v3/unify-bind", Map.of("correlationId", otherNone.getString("correlationId"),
                "phoneNumber", "2001004014")).getString("success")).isEqualTo("false");

        JsonPath mismatch = unifyFlow(unify("+2001004025", "mobile"), "key", Map.of("device", "csp"), "failed");
        assertThat(mismatch.getMap("evaluation.authentication.failureReasons")).containsKey("9101");
        JsonPath rebound = unifyFlow(with(unify("+2001004025", "mobile"), "rebind", true), "otp",
                Map.of("otp", "1234", "device", "csp"), "passed");
        assertThat(rebound.getString("deviceId")).isEqualTo(deviceId);

        assertThat(ok("/v3/device/revoke", Map.of("clientRequestId", "r", "deviceId", deviceId)).getBoolean("success"))
                .isTrue();
        assertThat(error("/v3/unify", with(unify("+2001004025", "mobile"), "deviceId", deviceId), 400))
                .isEqualTo(8019);
        assertThat(error("/v3/device/revoke", Map.of("clientRequestId", "r", "deviceId", "nope"), 404)).isEqualTo(8010);
    }

    @Test
    void unifyErrors() {
        JsonPath mobile = ok("/v3/unify", unify("2001004014", "mobile"));
        assertThat(error("/v3/unify", unify("2125550100", "mobile"), 400)).isEqualTo(8007);
        assertThat(error("/v3/unify", unify("2001004000", "mobile"), 400)).as("Identity user").isEqualTo(8009);
        assertThat(error("/v3/unify", unify("2001001693", "desktop"), 400)).as("Pre-Fill user").isEqualTo(8009);
        assertThat(error("/v3/unify", Map.of("clientRequestId", "x", "phoneNumber", "2001004014"), 400))
                .isEqualTo(1001);
        assertThat(error("/v3/unify", with(unify("2001004014", "desktop"), "finalTargetUrl", "x<y"), 400))
                .isEqualTo(8001);
        assertThat(error("/v3/unify-status", Map.of("correlationId", "00000000-0000-4000-8000-000000000000"), 400))
                .isEqualTo(8008);
        assertThat(error("/v3/unify-bind", Map.of("correlationId", mobile.getString("correlationId"),
                "phoneNumber", "2001004014"), 403)).isEqualTo(1003);
        assertThat(error("/v3/validate", Map.of("correlationId", mobile.getString("correlationId")), 403))
                .isEqualTo(1003);
        Response unauthorized = given().auth().none().contentType(ContentType.JSON)
                .body(unify("2001004014", "mobile")).post(SANDBOX + "/v3/unify");
        assertThat(checked("/v3/unify", unauthorized, 401).getInt("code")).isEqualTo(8002);
    }

    // ---- Pre-Fill ------------------------------------------------------------------------------------------------

    record Person(String phone, String first, String last, String street, String city, String region, String zip,
            String dob, String ssn, String email, String possession) {

        Map<String, Object> individual() {
            Map<String, Object> individual = new HashMap<>(Map.of("firstName", first, "lastName", last, "dob", dob,
                    "addresses", List.of(Map.of("address", street, "city", city, "region", region,
                            "postalCode", zip))));
            if (ssn != null) {
                individual.put("ssn", ssn);
            }
            if (email != null) {
                individual.put("emailAddresses", List.of(email));
            }
            return individual;
        }

        String flowType() {
            return possession.equals("instant-link") ? "desktop" : "mobile";
        }
    }

    static final List<Person> PREFILL = List.of(
            new Person("2001001695", "Milo", "Pinson", "6377 Birchwood Hill", "Littleton", "CO", "80161-2001",
                    "1981-01-17", "847350596", "mpinsonm@dyndns.org", "none"),
            new Person("2001001693", "Marcia", "Longo", "00 Mallard Park", "New Orleans", "LA", "70165",
                    "1982-07-19", "470806227", "mlongok@amazonaws.com", "otp"),
            new Person("2001001688", "Nevin", "Chattey", "9398 Scott Plaza", "Austin", "TX", "78744",
                    "1980-03-20", "542742985", "nchatteyf@techcrunch.com", "instant-link"),
            new Person("2001001687", "Agretha", "Chene", "4861 Jay Junction", "Boston", "MS", "02208",
                    "1994-12-29", "369956933", "achenee@printfriendly.com", "otp"),
            new Person("5550000000", "Cathee", "Simmonett", "49 Moulton Plaza", "Athens", "GA", "30610",
                    "1962-10-06", "771240999", "csimmonettj@toplist.cz", "mobile-auth"),
            new Person("5555555555", "Van", "Moors", "9 Prairie Rose Court", "Columbus", "MS", "39705",
                    "1976-01-07", null, null, "mobile-auth"));

    static final List<Person> IDENTITY = List.of(
            new Person("2001004000", "Martina", "Goodram", "28965 Homewood Plaza", "Little Rock", "AR", "72204",
                    "1995-07-26", "490959347", "mgoodram0@nasa.gov", "none"),
            new Person("2001004009", "Benji", "Harper", "27 Financial Place", "Bakersfield", "CA", "93301-2425",
                    "1994-09-02", "565252770", "bharperd@superstars.com", "otp"),
            new Person("2001001698", "Enid", "Wildt", "861 Karstens Circle", "Washington", "DC", "20409",
                    "1996-06-18", "212285822", "ewildtp@eepurl.com", "instant-link"),
            new Person("2001001699", "Carney", "Reinisch", "582 Coleman Point", "San Antonio", "TX", "78230",
                    "2000-03-03", "166521601", "creinischq@php.net", "otp"),
            new Person("5551111111", "Lena", "Lansberry", "663 Stephen Drive", "Grand Rapids", "MI", "49518",
                    "1999-03-04", "657766672", "llansberryk@nbcnews.com", "mobile-auth"),
            new Person("5552222222", "Axe", "Summersett", "1823 School Park", "Phoenix", "AZ", "85025",
                    "1963-09-24", "670752404", "asummersettl@boston.com", "mobile-auth"));

    /** Start (with extra fields) and the possession step; answers the correlationId. */
    String startAndPossess(Person person, Map<String, ?> extra) {
        Map<String, Object> request = new HashMap<>(Map.of("flowType", person.flowType(), "phoneNumber",
                person.phone(), "finalTargetUrl", FINAL_TARGET_URL));
        request.putAll(extra);
        JsonPath started = ok("/v3/start", request);
        assertThat(started.getMap("next")).containsEntry("v3-validate", "/v3/validate");
        switch (person.possession()) {
            case "otp" -> client(started.getString("authToken"), "otp", Map.of("otp", "1234"), "passed");
            case "none" -> { }
            default -> client(started.getString("authToken"), person.possession(), Map.of(), "passed");
        }
        return started.getString("correlationId");
    }

    @Test
    void preFillUsersTakeTheChallengeAndReceiveTheirPreFilledIdentity() {
        for (Person person : PREFILL) {
            String id = startAndPossess(person, Map.of());
            JsonPath validated = ok("/v3/validate", Map.of("correlationId", id));
            assertThat(validated.getBoolean("success")).as(person.first()).isTrue();
            assertThat(validated.getBoolean("challengeMissing")).as("no dob/ssn at start").isTrue();
            assertThat(validated.getMap("next")).containsEntry("v3-challenge", "/v3/challenge");
            assertThat(error("/v3/complete", Map.of("correlationId", id, "individual", person.individual()), 403))
                    .as("complete before the offered challenge").isEqualTo(1003);

            JsonPath challenged = ok("/v3/challenge", Map.of("correlationId", id, "dob", person.dob().substring(0, 7)));
            assertThat(challenged.getBoolean("success")).as(person.first()).isTrue();
            assertThat(challenged.getMap("next")).containsEntry("v3-complete", "/v3/complete");
            assertThat(challenged.getString("individual.firstName")).isEqualTo(person.first());
            assertThat(challenged.getString("individual.addresses[0].address")).isEqualTo(person.street());
            assertThat(challenged.getString("individual.dob")).isEqualTo(person.dob());
            assertThat(challenged.getString("individual.ssn")).isEqualTo(person.ssn());

            JsonPath completed = ok("/v3/complete", Map.of("correlationId", id, "individual", person.individual()));
            assertThat(completed.getBoolean("success")).as(person.first()).isTrue();
            assertThat(completed.getBoolean("idv.dataSource1.identifiers.dob")).isTrue();
            assertThat(completed.getInt("idv.dataSource1.name.firstName")).isEqualTo(5);
            assertThat(completed.getBoolean("idv.dataSource1.address.street")).isTrue();
        }
        JsonPath marcia = ok("/v3/challenge", Map.of("correlationId",
                prefillValidated(PREFILL.get(1), Map.of("ssn", "6227")), "dob", "07-19"));
        assertThat(marcia.getList("individual.addresses")).hasSize(2);
    }

    String prefillValidated(Person person, Map<String, ?> startExtra) {
        String id = startAndPossess(person, startExtra);
        JsonPath validated = ok("/v3/validate", Map.of("correlationId", id));
        assertThat(validated.getBoolean("challengeMissing")).isEqualTo(startExtra.isEmpty());
        return id;
    }

    @Test
    void preFillChallengeWithStartDataFailuresAndRules() {
        Person milo = PREFILL.get(0);
        String withStartData = prefillValidated(milo, Map.of("dob", "1981-01", "ssn", "0596"));
        assertThat(ok("/v3/challenge", Map.of("correlationId", withStartData)).getBoolean("success")).isTrue();

        String wrongDob = prefillValidated(PREFILL.get(2), Map.of());
        JsonPath failed = ok("/v3/challenge", Map.of("correlationId", wrongDob, "dob", "1999-01-01"));
        assertThat(failed.getBoolean("success")).isFalse();
        assertThat(failed.getMap("next")).containsEntry("done", "done");
        assertThat(failed.getMap("individual")).isNull();
        assertThat(failed.getMap("evaluation.identification.failureReasons")).containsKey("9013");
        assertThat(error("/v3/complete", Map.of("correlationId", wrongDob, "individual",
                PREFILL.get(2).individual()), 403)).isEqualTo(1003);

        String wrongSsn = prefillValidated(PREFILL.get(3), Map.of());
        assertThat(ok("/v3/challenge", Map.of("correlationId", wrongSsn, "ssn", "0000")).getBoolean("success"))
                .isFalse();
        String vanWithSsn = prefillValidated(PREFILL.get(5), Map.of());
        assertThat(ok("/v3/challenge", Map.of("correlationId", vanWithSsn, "ssn", "1234")).getBoolean("success"))
                .as("Van Moors' SSN is unknown: it cannot match").isFalse();

        String noData = prefillValidated(milo, Map.of());
        assertThat(error("/v3/challenge", Map.of("correlationId", noData), 400)).isEqualTo(1001);
        assertThat(ok("/v3/challenge", Map.of("correlationId", noData, "ssn", "847350596")).getBoolean("success"))
                .isTrue();
        assertThat(error("/v3/challenge", Map.of("correlationId", noData, "ssn", "847350596"), 403))
                .as("a second challenge").isEqualTo(1003);

        JsonPath noPossession = ok("/v3/start", Map.of("flowType", "mobile", "phoneNumber", "2001001693"));
        JsonPath notValidated = ok("/v3/validate", Map.of("correlationId", noPossession.getString("correlationId")));
        assertThat(notValidated.getBoolean("success")).isFalse();
        assertThat(notValidated.getMap("next")).containsEntry("done", "done");
        assertThat(error("/v3/challenge", Map.of("correlationId", noPossession.getString("correlationId"),
                "dob", "1982-07-19"), 403)).isEqualTo(1003);
    }

    // ---- Prove Identity ----------------------------------------------------------------------------------------

    @Test
    void identityUsersCompleteWithTypedVerdicts() {
        for (Person person : IDENTITY) {
            String id = startAndPossess(person, Map.of());
            JsonPath validated = ok("/v3/validate", Map.of("correlationId", id));
            assertThat(validated.getBoolean("success")).as(person.first()).isTrue();
            assertThat(validated.getBoolean("challengeMissing")).isFalse();
            assertThat(validated.getMap("next")).containsEntry("v3-complete", "/v3/complete");
            assertThat(error("/v3/challenge", Map.of("correlationId", id, "dob", person.dob()), 403))
                    .as("no challenge in Prove Identity").isEqualTo(1003);
            JsonPath completed = ok("/v3/complete", Map.of("correlationId", id, "individual", person.individual()));
            assertThat(completed.getBoolean("success")).as(person.first()).isTrue();
            assertThat(completed.getString("evaluation.identification.result")).isEqualTo("pass");
            assertThat(completed.getInt("idv.dataSource1.name.nameScore")).isEqualTo(100);
            assertThat(completed.getBoolean("idv.dataSource1.identifiers.ssn")).isTrue();
            assertThat(completed.getInt("idv.dataSource1.address.streetNumber")).isEqualTo(1);
            assertThat(completed.getDouble("idv.dataSource1.address.distance")).isZero();
            assertThat(completed.getBoolean("idv.dataSource1.email.emailAddress")).isTrue();
            assertThat(completed.getInt("kyc.totalHits")).isZero();
        }
    }

    @Test
    void identityMismatchesFailWithScoresAndFalseVerdicts() {
        Person benji = IDENTITY.get(1);
        String id = startAndPossess(benji, Map.of());
        ok("/v3/validate", Map.of("correlationId", id));
        JsonPath completed = ok("/v3/complete", Map.of("correlationId", id, "individual", Map.of(
                "firstName", "Benjy", "lastName", "Harper", "ssn", "565252771", "dob", "1994-09",
                "addresses", List.of(Map.of("address", "28 Financial Place", "city", "Bakersfield", "region", "CA",
                        "postalCode", "93301")), "emailAddresses", List.of("someone@example.com"))));
        assertThat(completed.getBoolean("success")).isFalse();
        assertThat(completed.getMap("evaluation.identification.failureReasons")).containsKeys("9012", "9014", "9015");
        assertThat(completed.getInt("idv.dataSource1.name.firstName")).isEqualTo(4);
        assertThat(completed.getInt("idv.dataSource1.name.lastName")).isEqualTo(5);
        assertThat(completed.getBoolean("idv.dataSource1.identifiers.ssn")).isFalse();
        assertThat(completed.getBoolean("idv.dataSource1.identifiers.last4")).isFalse();
        assertThat(completed.getBoolean("idv.dataSource1.identifiers.dob")).isTrue();
        assertThat(completed.getInt("idv.dataSource1.address.streetNumber")).isZero();
        assertThat(completed.getBoolean("idv.dataSource1.address.street")).isFalse();
        assertThat(completed.getBoolean("idv.dataSource1.address.postalCode")).isTrue();
        assertThat(completed.getDouble("idv.dataSource1.address.distance")).isEqualTo(1.5);
        assertThat(completed.getBoolean("idv.dataSource1.email.emailAddress")).isFalse();
        assertThat(completed.getString("idv.multiCIPConfidence")).isEqualTo("low");

        Person martina = IDENTITY.get(0);
        String lastFour = startAndPossess(martina, Map.of());
        ok("/v3/validate", Map.of("correlationId", lastFour));
        JsonPath bySsn = ok("/v3/complete", Map.of("correlationId", lastFour, "individual", Map.of("ssn", "9347")));
        assertThat(bySsn.getBoolean("success")).isTrue();
        assertThat(bySsn.getBoolean("idv.dataSource1.identifiers.last4")).isTrue();
    }

    @Test
    void identityErrors() {
        assertThat(error("/v3/start", Map.of("flowType", "mobile", "phoneNumber", "2001004014"), 400))
                .as("Unify user on start").isEqualTo(8009);
        assertThat(error("/v3/start", Map.of("flowType", "mobile", "phoneNumber", "2125550100"), 400))
                .isEqualTo(8007);
        assertThat(error("/v3/start", Map.of("phoneNumber", "2001001695"), 400)).isEqualTo(1001);
        assertThat(error("/v3/start", Map.of("flowType", "mobile", "phoneNumber", "2001001695", "dob", "1981-13"),
                400)).isEqualTo(8001);
        JsonPath started = ok("/v3/start", Map.of("flowType", "mobile", "phoneNumber", "2001004000"));
        String id = started.getString("correlationId");
        assertThat(error("/v3/complete", Map.of("correlationId", id, "individual", Map.of("firstName", "Martina")),
                400)).isEqualTo(1001);
        assertThat(error("/v3/complete", Map.of("correlationId", id, "individual", Map.of("ssn", "490959347")), 403))
                .as("complete before validate").isEqualTo(1003);
        assertThat(error("/v3/unify-status", Map.of("correlationId", id), 403)).isEqualTo(1003);
        assertThat(error("/v3/validate", Map.of("correlationId", "00000000-0000-4000-8000-000000000000"), 400))
                .isEqualTo(8008);
    }
}
