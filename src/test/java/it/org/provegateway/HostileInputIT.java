package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Hostile input: several hundred distinct bad requests, built from tables (wrong JSON types, missing, extra and
 * repeated members, huge strings, phone numbers that are no numbers or international ones without {@code +}, URLs
 * with forbidden characters or over 128 characters, SMS texts over 160 characters or without their placeholder,
 * malformed JSON, bodies that are not JSON, control characters, scripts, bad UUIDs in paths, oversized and chunked
 * bodies). Every answer must be a 4xx problem ({@code application/problem+json}, a type under the gateway's problem
 * base) naming the field concerned in {@code errors[].field}, never a 5xx, never echoing the hostile value; and the
 * emulator must have received no call at all: nothing bad reaches Prove.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT extends GatewayIT {

    static final String PROBLEMS = "https://prove-gateway.dev/problems/";
    static final int MAX_BODY = 16 * 1024;

    /** One bad request and what the gateway must answer. */
    record Case(String name, String method, String path, String contentType, byte[] body, boolean chunked,
            int status, String type, String field) {

        String key() {
            return method + " " + path + " " + contentType + " " + chunked + " "
                    + (body == null ? "-" : new String(body, StandardCharsets.ISO_8859_1));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Hostile markers that must never come back in an answer. */
    static final List<String> NEVER_ECHOED = List.of("<script", "DROP TABLE", "alert(", "\u0000", "' OR '1'='1",
            "javascript:", "\u202E");

    static final String RANDOM_FLOW = UUID.randomUUID().toString();

    /**
     * Every case of the tables, one request each, in one test method (Arquillian's per-invocation overhead would make
     * ~500 parameterized invocations take minutes); every failing case is reported, by name, not only the first.
     */
    @Test
    @Order(1)
    void everyBadRequestIsRefusedAsAProblemNamingTheField() {
        SoftAssertions softly = new SoftAssertions();
        cases().forEach(c -> check(c, softly));
        softly.assertAll();
    }

    private static void check(Case c, SoftAssertions softly) {
        RequestSpecification request = given().urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().encoderConfig(
                        encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        if (c.contentType() != null) {
            request.contentType(c.contentType());
        }
        if (c.body() != null) {
            if (c.chunked()) {
                request.body(new ByteArrayInputStream(c.body()));
            } else {
                request.body(c.body());
            }
        }
        Response answer = request.request(c.method(), GATEWAY + c.path());
        String text = answer.asString();
        softly.assertThat(answer.statusCode()).as(c.name() + ": " + text).isEqualTo(c.status());
        softly.assertThat(answer.contentType()).as(c.name()).startsWith("application/problem+json");
        if (!answer.contentType().startsWith("application/problem+json")) {
            return;
        }
        JsonPath problem = JsonPath.from(text);
        softly.assertThat(problem.getString("type")).as(c.name()).isEqualTo(PROBLEMS + c.type());
        softly.assertThat(problem.getInt("status")).as(c.name()).isEqualTo(c.status());
        if (c.field() != null) {
            softly.assertThat(problem.getList("errors.field", String.class)).as(c.name() + ": " + text)
                    .contains(c.field());
        }
        for (String marker : NEVER_ECHOED) {
            softly.assertThat(text).as(c.name() + " echoes hostile input").doesNotContain(marker);
        }
    }

    @Test
    @Order(2)
    void atLeastTwoHundredDistinctCases() {
        List<Case> all = cases().toList();
        Set<String> distinct = new HashSet<>();
        all.forEach(c -> assertThat(distinct.add(c.key())).as("duplicate case " + c.name()).isTrue());
        assertThat(all).hasSizeGreaterThanOrEqualTo(200);
        assertThat(all).allSatisfy(c -> assertThat(c.status()).isBetween(400, 499));
    }

    /**
     * What Liberty refuses before the gateway sees the request (an encoded slash in the path, a header or URL
     * larger than its limits) is answered by Liberty itself: a 400 that is not a problem document, but never a 5xx,
     * and never the hostile text as it was sent.
     */
    @Test
    @Order(3)
    void containerRefusalsAreClientErrorsToo() {
        List<Response> answers = List.of(
                given().urlEncodingEnabled(false).get(GATEWAY + POSSESSION + "/%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
                given().urlEncodingEnabled(false).contentType(JSON).body("{\"possessionCheckPassed\":true}")
                        .post(GATEWAY + POSSESSION + "/a%2F..%2F..%2Fetc/bind"),
                given().header("X-Padding", "a".repeat(40_000)).get(GATEWAY + POSSESSION + "/" + RANDOM_FLOW),
                given().urlEncodingEnabled(false).get(GATEWAY + "/api/v1/key-bindings?deviceId=" + "a".repeat(100_000)));
        for (Response answer : answers) {
            assertThat(answer.statusCode()).isBetween(400, 499);
            assertThat(answer.asString()).doesNotContain("<script", "alert(");
        }
    }

    @Test
    @Order(4)
    void noneReachedProve() {
        Map<String, Map<String, Object>> calls = given().get(SANDBOX + "/control/calls").then().statusCode(200)
                .extract().jsonPath().getMap("");
        calls.forEach((endpoint, counts) -> assertThat(((Number) counts.get("count")).longValue())
                .as("calls to " + endpoint).isZero());
    }

    // ---------------------------------------------------------------------------------------------------------
    // The tables

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        startPossession(cases);
        startIdentity(cases);
        complete(cases);
        bind(cases);
        pathIds(cases);
        keyBindingQueries(cases);
        notJson(cases);
        sizes(cases);
        return cases.stream();
    }

    static final String POSSESSION = "/api/v1/possession-flows";
    static final String IDENTITY = "/api/v1/identity-flows";
    static final String JSON = "application/json";

    static Map<String, Object> possession() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phoneNumber", "2001004014");
        body.put("possessionType", "mobile");
        return body;
    }

    static Map<String, Object> desktopPossession() {
        Map<String, Object> body = possession();
        body.put("possessionType", "desktop");
        body.put("finalTargetUrl", "https://www.example.com/landing-page");
        return body;
    }

    static Map<String, Object> identity() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phoneNumber", "2001004009");
        body.put("flowType", "mobile");
        return body;
    }

    static Map<String, Object> individual() {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("firstName", "Benji");
        person.put("lastName", "Harper");
        person.put("dob", "1994-09-02");
        person.put("ssn", "565252770");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("address", "27 Financial Place");
        address.put("city", "Bakersfield");
        address.put("region", "CA");
        address.put("postalCode", "93301-2425");
        person.put("addresses", List.of(address));
        person.put("emailAddresses", List.of("bharperd@superstars.com"));
        return person;
    }

    /** Values of the wrong JSON type for a string field. */
    static final List<Object> NOT_STRINGS = List.of(123, 1.5, true, false, List.of("x"), Map.of("a", "b"));

    /** Values of the wrong JSON type for a boolean field. */
    static final List<Object> NOT_BOOLEANS = List.of("true", "false", "yes", 1, 0, List.of(true), Map.of("v", true));

    /** Phone numbers that are not usable numbers, or international ones without their leading +. */
    static final List<String> BAD_PHONES = List.of("", "   ", "abc", "200100401", "20010040141234", "+", "++12001004014",
            "2001004014<script>", "442079460958", "4915112345678", "33612345678", "00442079460958", "+999 1234567",
            "1".repeat(33), "2001004014\u0000", "\u0662\u0660\u0660\u0661\u0660\u0660\u0664\u0660\u0661\u0664",
            "2001004014; DROP TABLE flow_session", "+1 (200) 100-4014 ext. 5", "+0 2001004014", "12",
            "+12001004014\n", "2001\u202E004014");

    static final List<String> BAD_URLS = List.of("not a url", "ftp://www.example.com/x",
            "https://www.example.com/" + "a".repeat(110), "https://www.example.com/a b",
            "https://www.example.com/<script>", "https://www.example.com/#frag", "https://www.example.com/a&b=c",
            "javascript:alert(1)", "//www.example.com/x", "https://www.example.com/%20", "https://ex\u00e4mple.com/",
            "https://www.example.com/\n", "http://", "https:///path", "https://www.example.com/" + "b".repeat(200),
            "data:text/html,x", "https://user@www.example.com/", "https://www.example.com/a;b", "",
            // Not the bank's: plain http off localhost, and hosts off flows.final-target-url.allowed-hosts.
            "http://www.example.com/landing-page", "https://evil.test/landing-page",
            "https://www.example.com.evil.test/x", "https://bank.test/x", "https://wwwexample.com/x");

    static final List<String> BAD_SMS = List.of("#### " + "x".repeat(160), "Your code is coming", "#### and ####",
            "Code: #######", "\u0007 #### is your code", "   ", "Code #### \u0000", "Code ####\t");

    static final List<String> BAD_IDS = List.of("a".repeat(65), "a b", "<script>", "x;DROP TABLE key_binding",
            "caf\u00e9", "", "a\u0000b", "' OR '1'='1", "id/../../etc", "id\nnext");

    static void startPossession(List<Case> cases) {
        for (String phone : BAD_PHONES) {
            cases.add(json("possession phoneNumber " + show(phone), "POST", POSSESSION,
                    with(possession(), "phoneNumber", phone), 400, "invalid-request", "phoneNumber"));
        }
        for (Object wrong : NOT_STRINGS) {
            cases.add(json("possession phoneNumber type " + wrong, "POST", POSSESSION,
                    with(possession(), "phoneNumber", wrong), 400, "invalid-request", "phoneNumber"));
            cases.add(json("possession possessionType type " + wrong, "POST", POSSESSION,
                    with(possession(), "possessionType", wrong), 400, "invalid-request", "possessionType"));
            cases.add(json("possession smsMessage type " + wrong, "POST", POSSESSION,
                    with(possession(), "smsMessage", wrong), 400, "invalid-request", "smsMessage"));
            cases.add(json("possession clientRequestId type " + wrong, "POST", POSSESSION,
                    with(possession(), "clientRequestId", wrong), 400, "invalid-request", "clientRequestId"));
        }
        for (String type : List.of("", "MOBILE", "sms", "mobile ", "<script>alert(1)</script>", "desktop\u0000")) {
            cases.add(json("possession possessionType " + show(type), "POST", POSSESSION,
                    with(possession(), "possessionType", type), 400, "invalid-request", "possessionType"));
        }
        for (String url : BAD_URLS) {
            cases.add(json("possession finalTargetUrl " + show(url), "POST", POSSESSION,
                    with(desktopPossession(), "finalTargetUrl", url), 400, "invalid-request", "finalTargetUrl"));
        }
        cases.add(json("possession desktop without finalTargetUrl", "POST", POSSESSION,
                with(desktopPossession(), "finalTargetUrl", null), 400, "invalid-request", "finalTargetUrl"));
        for (String sms : BAD_SMS) {
            cases.add(json("possession smsMessage " + show(sms), "POST", POSSESSION,
                    with(possession(), "smsMessage", sms), 400, "invalid-request", "smsMessage"));
        }
        cases.add(json("possession Instant Link with a 6-digit placeholder", "POST", POSSESSION,
                with(desktopPossession(), "smsMessage", "Open ###### now"), 400, "invalid-request", "smsMessage"));
        for (String flag : List.of("allowOtpRetry", "checkReputation", "rebind")) {
            for (Object wrong : NOT_BOOLEANS) {
                cases.add(json("possession " + flag + " " + wrong, "POST", POSSESSION,
                        with(possession(), flag, wrong), 400, "invalid-request", flag));
            }
        }
        for (String field : List.of("clientRequestId", "customerReference", "deviceId")) {
            for (String id : BAD_IDS) {
                cases.add(json("possession " + field + " " + show(id), "POST", POSSESSION,
                        with(possession(), field, id), 400, "invalid-request", field));
            }
        }
        for (String extra : List.of("foo", "phonenumber", "PhoneNumber", "__proto__", "correlationId", "authToken",
                "allowOTPRetry", "clientHumanId", "proveId", "emailAddress")) {
            cases.add(json("possession extra member " + extra, "POST", POSSESSION, with(possession(), extra, "x"),
                    400, "invalid-request", extra));
        }
        cases.add(json("possession member named by a script", "POST", POSSESSION,
                with(possession(), "<script>alert(1)</script>", "x"), 400, "invalid-request", "body"));
        cases.add(json("possession member named $where", "POST", POSSESSION, with(possession(), "$where", "1"), 400,
                "invalid-request", "body"));
        cases.add(json("possession without phoneNumber", "POST", POSSESSION, with(possession(), "phoneNumber", null),
                400, "invalid-request", "phoneNumber"));
        cases.add(json("possession without possessionType", "POST", POSSESSION,
                with(possession(), "possessionType", null), 400, "invalid-request", "possessionType"));
        cases.add(json("possession empty object", "POST", POSSESSION, Map.of(), 400, "invalid-request",
                "phoneNumber"));
        cases.add(raw("possession phoneNumber twice", "POST", POSSESSION, JSON,
                "{\"phoneNumber\":\"2001004014\",\"possessionType\":\"mobile\",\"phoneNumber\":\"2001004015\"}",
                400, "invalid-request", "phoneNumber"));
        cases.add(raw("possession possessionType twice", "POST", POSSESSION, JSON,
                "{\"phoneNumber\":\"2001004014\",\"possessionType\":\"mobile\",\"possessionType\":\"none\"}",
                400, "invalid-request", "possessionType"));
    }

    static void startIdentity(List<Case> cases) {
        for (String phone : BAD_PHONES.subList(0, 12)) {
            cases.add(json("identity phoneNumber " + show(phone), "POST", IDENTITY,
                    with(identity(), "phoneNumber", phone), 400, "invalid-request", "phoneNumber"));
        }
        for (String phone : List.of("+442079460958", "+4915112345678", "+33612345678")) {
            cases.add(json("identity outside North America " + phone, "POST", IDENTITY,
                    with(identity(), "phoneNumber", phone), 400, "invalid-request", "phoneNumber"));
        }
        for (String type : List.of("", "none", "Desktop", "tablet", "<script>")) {
            cases.add(json("identity flowType " + show(type), "POST", IDENTITY, with(identity(), "flowType", type),
                    400, "invalid-request", "flowType"));
        }
        for (Object wrong : NOT_STRINGS.subList(0, 4)) {
            cases.add(json("identity flowType type " + wrong, "POST", IDENTITY, with(identity(), "flowType", wrong),
                    400, "invalid-request", "flowType"));
            cases.add(json("identity ipAddress type " + wrong, "POST", IDENTITY, with(identity(), "ipAddress", wrong),
                    400, "invalid-request", "ipAddress"));
        }
        for (String ip : List.of("999.1.1.1", "1.2.3", "::g", "1.2.3.4.5", "localhost", "1".repeat(46), "10.0.0.1 ",
                "10.0.0.1<script>")) {
            cases.add(json("identity ipAddress " + show(ip), "POST", IDENTITY, with(identity(), "ipAddress", ip), 400,
                    "invalid-request", "ipAddress"));
        }
        Map<String, Object> desktop = with(identity(), "flowType", "desktop");
        for (String url : BAD_URLS.subList(0, 10)) {
            cases.add(json("identity finalTargetUrl " + show(url), "POST", IDENTITY,
                    with(with(desktop, "finalTargetUrl", url), "flowType", "desktop"), 400, "invalid-request",
                    "finalTargetUrl"));
        }
        for (String sms : BAD_SMS.subList(0, 4)) {
            cases.add(json("identity smsMessage " + show(sms), "POST", IDENTITY, with(identity(), "smsMessage", sms),
                    400, "invalid-request", "smsMessage"));
        }
        for (Object wrong : NOT_BOOLEANS.subList(0, 4)) {
            cases.add(json("identity allowOtpRetry " + wrong, "POST", IDENTITY,
                    with(identity(), "allowOtpRetry", wrong), 400, "invalid-request", "allowOtpRetry"));
        }
        for (String extra : List.of("dob", "ssn", "emailAddress", "possessionType", "individual")) {
            cases.add(json("identity extra member " + extra, "POST", IDENTITY, with(identity(), extra, "x"), 400,
                    "invalid-request", extra));
        }
    }

    static void complete(List<Case> cases) {
        String path = IDENTITY + "/" + RANDOM_FLOW + "/complete";
        Map<String, Object> fieldValues = new LinkedHashMap<>();
        for (String dob : List.of("1994-02-30", "1994-13-01", "02-30", "13-01", "1899-12-31", "2999-01-01", "2999-01",
                "1994/09/02", "19940902", "09/02/1994", "1994-9-2", "1994-09-02T00:00:00Z", "")) {
            cases.add(individual("complete dob " + show(dob), path, "dob", dob, "individual.dob"));
        }
        for (String ssn : List.of("12345678", "1234567890", "000123456", "666123456", "900123456", "123004567",
                "123450000", "0000", "abcd", "123-45-6789", "565 25 2770", "")) {
            cases.add(individual("complete ssn " + show(ssn), path, "ssn", ssn, "individual.ssn"));
        }
        for (String name : List.of("B3nji", "<script>alert(1)</script>", "x".repeat(65), "Benji\u0000", "Benji;--",
                "\u202EBenji")) {
            cases.add(individual("complete firstName " + show(name), path, "firstName", name,
                    "individual.firstName"));
            cases.add(individual("complete lastName " + show(name), path, "lastName", name, "individual.lastName"));
        }
        for (Object wrong : NOT_STRINGS) {
            cases.add(individual("complete firstName type " + wrong, path, "firstName", wrong,
                    "individual.firstName"));
            cases.add(individual("complete ssn type " + wrong, path, "ssn", wrong, "individual.ssn"));
        }
        fieldValues.put("postalCode", List.of("1234", "123456", "12345-67", "ABCDE", "12345\u0000"));
        fieldValues.put("region", List.of("Colorado", "C", "C1", "<s>"));
        fieldValues.put("address", List.of("27 Financial Place <script>", "x".repeat(101), "27 Financial\u0000"));
        fieldValues.put("city", List.of("B4kersfield", "x".repeat(65)));
        fieldValues.forEach((field, values) -> {
            for (Object value : (List<?>) values) {
                Map<String, Object> person = individual();
                @SuppressWarnings("unchecked")
                Map<String, Object> address = new LinkedHashMap<>(((List<Map<String, Object>>) person
                        .get("addresses")).get(0));
                address.put(field, value);
                person.put("addresses", List.of(address));
                cases.add(json("complete address " + field + " " + show(String.valueOf(value)), "POST", path,
                        Map.of("individual", person), 400, "invalid-request", "individual.addresses[0]." + field));
            }
        });
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("address", "27 Financial Place");
        cases.add(individual("complete two addresses", path, "addresses", List.of(address, address),
                "individual.addresses"));
        cases.add(individual("complete address as object", path, "addresses", address, "individual.addresses"));
        cases.add(individual("complete address with unknown member", path, "addresses",
                List.of(Map.of("street", "27 Financial Place")), "individual.addresses[0].street"));
        for (String email : List.of("not an email", "a@b", "<a@b.com>", "x".repeat(250) + "@b.com", "a b@c.com",
                "a@b.com\u0000")) {
            cases.add(individual("complete email " + show(email), path, "emailAddresses", List.of(email),
                    "individual.emailAddresses[0]"));
        }
        cases.add(individual("complete two emails", path, "emailAddresses", List.of("a@b.com", "c@d.com"),
                "individual.emailAddresses"));
        cases.add(individual("complete email as string", path, "emailAddresses", "a@b.com",
                "individual.emailAddresses"));
        cases.add(individual("complete unknown member middleName", path, "middleName", "X", "individual.middleName"));
        cases.add(individual("complete unknown member correlationId", path, "correlationId", "x",
                "individual.correlationId"));
        cases.add(json("complete no name and no SSN", "POST", path, Map.of("individual", Map.of("dob", "1994-09-02")),
                400, "invalid-request", "individual.firstName"));
        cases.add(json("complete first name only", "POST", path, Map.of("individual", Map.of("firstName", "Benji")),
                400, "invalid-request", "individual.lastName"));
        cases.add(json("complete without individual", "POST", path, Map.of(), 400, "invalid-request", "individual"));
        for (Object wrong : List.of("Benji", List.of(individual()), 1, true)) {
            cases.add(json("complete individual type " + wrong.getClass().getSimpleName(), "POST", path,
                    Map.of("individual", wrong), 400, "invalid-request", "individual"));
        }
        cases.add(json("complete extra top-level member", "POST", path,
                Map.of("individual", individual(), "flowId", RANDOM_FLOW), 400, "invalid-request", "flowId"));
        cases.add(raw("complete ssn twice", "POST", path, JSON,
                "{\"individual\":{\"firstName\":\"Benji\",\"lastName\":\"Harper\",\"ssn\":\"565252770\","
                        + "\"ssn\":\"123456789\"}}", 400, "invalid-request", "individual.ssn"));
    }

    static void bind(List<Case> cases) {
        String path = POSSESSION + "/" + RANDOM_FLOW + "/bind";
        for (Object wrong : NOT_BOOLEANS) {
            cases.add(json("bind possessionCheckPassed " + wrong, "POST", path, Map.of("possessionCheckPassed", wrong),
                    400, "invalid-request", "possessionCheckPassed"));
        }
        cases.add(json("bind empty object", "POST", path, Map.of(), 400, "invalid-request", "possessionCheckPassed"));
        cases.add(json("bind extra member", "POST", path, Map.of("possessionCheckPassed", true, "phoneNumber",
                "2001004014"), 400, "invalid-request", "phoneNumber"));
        cases.add(raw("bind possessionCheckPassed null", "POST", path, JSON, "{\"possessionCheckPassed\":null}", 400,
                "invalid-request", "possessionCheckPassed"));
    }

    /** Flow and binding ids in the path: everything that is not a canonical UUID. */
    static void pathIds(List<Case> cases) {
        List<String> badIds = List.of("abc", "1-1-1-1-1", "00000000-0000-0000-0000-00000000000g",
                "' OR '1'='1", "1;DROP TABLE flow_session", "a".repeat(300), "{" + RANDOM_FLOW + "}",
                RANDOM_FLOW.replace("-", ""), RANDOM_FLOW + "x", "<script>alert(1)<script>", "%00",
                RANDOM_FLOW.substring(0, 35) + "\u00e9");
        String bind = "{\"possessionCheckPassed\":true}";
        String person = "{\"individual\":{\"firstName\":\"Benji\",\"lastName\":\"Harper\"}}";
        for (String id : badIds) {
            String segment = encode(id);
            cases.add(raw("GET possession flow " + show(id), "GET", POSSESSION + "/" + segment, null, null, 400,
                    "invalid-request", "flowId"));
            cases.add(raw("bind on flow " + show(id), "POST", POSSESSION + "/" + segment + "/bind", JSON, bind, 400,
                    "invalid-request", "flowId"));
            cases.add(raw("validate flow " + show(id), "POST", IDENTITY + "/" + segment + "/validate", JSON, null,
                    400, "invalid-request", "flowId"));
            cases.add(raw("complete flow " + show(id), "POST", IDENTITY + "/" + segment + "/complete", JSON, person,
                    400, "invalid-request", "flowId"));
            cases.add(raw("GET key binding " + show(id), "GET", "/api/v1/key-bindings/" + segment, null, null, 400,
                    "invalid-request", "bindingId"));
            cases.add(raw("revoke key binding " + show(id), "POST", "/api/v1/key-bindings/" + segment + "/revoke",
                    null, null, 400, "invalid-request", "bindingId"));
        }
    }

    static void keyBindingQueries(List<Case> cases) {
        String base = "/api/v1/key-bindings";
        cases.add(raw("lookup without parameters", "GET", base, null, null, 400, "invalid-request", "query"));
        cases.add(raw("lookup with two parameters", "GET", base + "?deviceId=a&proveId=b", null, null, 400,
                "invalid-request", "query"));
        for (String field : List.of("customerReference", "deviceId", "proveId")) {
            for (String bad : List.of("<script>", "a b", "a".repeat(65), "x' OR '1'='1", "a\u0000")) {
                cases.add(raw("lookup " + field + " " + show(bad), "GET", base + "?" + field + "=" + encode(bad), null,
                        null, 400, "invalid-request", field));
            }
        }
        for (String phone : List.of("abc", "442079460958", "1".repeat(33), "2001004014<script>", "+999 1234567")) {
            cases.add(raw("lookup phoneNumber " + show(phone), "GET", base + "?phoneNumber=" + encode(phone), null,
                    null, 400, "invalid-request", "phoneNumber"));
        }
        // Personal data never in a URL, even when valid: refused, pointing to POST /key-bindings/search.
        cases.add(raw("lookup phoneNumber in the URL", "GET", base + "?phoneNumber=2001004014", null, null, 400,
                "invalid-request", "phoneNumber"));
        cases.add(raw("lookup customerReference in the URL", "GET", base + "?customerReference=CUST-1", null, null,
                400, "invalid-request", "customerReference"));
        String search = base + "/search";
        cases.add(json("search without a value", "POST", search, Map.of(), 400, "invalid-request", "body"));
        cases.add(json("search with two values", "POST", search, Map.of("deviceId", "a", "proveId", "b"), 400,
                "invalid-request", "body"));
        cases.add(json("search with an unknown member", "POST", search, Map.of("email", "a@b.test"), 400,
                "invalid-request", "email"));
        for (String field : List.of("customerReference", "deviceId", "proveId")) {
            for (String bad : List.of("<script>", "a b", "a".repeat(65), "x' OR '1'='1", "a\u0000")) {
                cases.add(json("search " + field + " " + show(bad), "POST", search, Map.of(field, bad), 400,
                        "invalid-request", field));
            }
        }
        for (String phone : List.of("abc", "442079460958", "1".repeat(33), "2001004014<script>", "+999 1234567")) {
            cases.add(json("search phoneNumber " + show(phone), "POST", search, Map.of("phoneNumber", phone), 400,
                    "invalid-request", "phoneNumber"));
        }
    }

    /** Bodies that are not JSON, or not JSON of any shape, on every endpoint that takes a body. */
    static void notJson(List<Case> cases) {
        String bind = POSSESSION + "/" + RANDOM_FLOW + "/bind";
        String complete = IDENTITY + "/" + RANDOM_FLOW + "/complete";
        for (String path : List.of(POSSESSION, IDENTITY, bind, complete)) {
            for (String type : List.of("text/plain", "application/xml", "text/csv", "text/html",
                    "application/octet-stream")) {
                cases.add(raw(type + " to " + path, "POST", path, type, "phoneNumber=2001004014", 415,
                        "unsupported-media-type", null));
            }
            // Each one malformed before its first member (a member unknown to the endpoint would be named first).
            for (String body : List.of("{", "{\"", "{phoneNumber:1}", "{'phoneNumber':'2001004014'}", "{,}",
                    "{} {}", "[]", "\"text\"", "null", "123", "NaN", "// comment\n{}", "<xml/>", "{\"\\q\":1}")) {
                cases.add(raw("malformed " + show(body) + " to " + path, "POST", path, JSON, body, 400,
                        "invalid-request", "body"));
            }
            cases.add(raw("empty body to " + path, "POST", path, JSON, "", 400, "invalid-request", "body"));
            cases.add(new Case("latin-1 body to " + path, "POST", path, JSON,
                    "{\"phoneNumber\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1), false, 400,
                    "invalid-request", "body"));
            cases.add(new Case("byte-order mark before JSON to " + path, "POST", path, JSON,
                    ("\uFEFF" + "{}").getBytes(StandardCharsets.UTF_8), false, 400, "invalid-request", "body"));
            cases.add(raw("deeply nested JSON to " + path, "POST", path, JSON, "[".repeat(5000) + "]".repeat(5000),
                    400, "invalid-request", "body"));
        }
        cases.add(raw("DELETE on flows", "DELETE", POSSESSION, null, null, 405, "method-not-allowed", null));
        cases.add(raw("PUT on a flow", "PUT", POSSESSION + "/" + RANDOM_FLOW, JSON, "{}", 405, "method-not-allowed",
                null));
    }

    static void sizes(List<Case> cases) {
        String padding = " ".repeat(MAX_BODY);
        String big = "{\"phoneNumber\":\"2001004014\",\"possessionType\":\"mobile\"}" + padding;
        String small = "{\"phoneNumber\":\"2001004014\",\"possessionType\":\"mobile\"}";
        cases.add(raw("body one byte over the limit (Content-Length)", "POST", POSSESSION, JSON,
                small + " ".repeat(MAX_BODY + 1 - small.length()), 413, "payload-too-large", "body"));
        cases.add(raw("body 16 KiB over the limit", "POST", POSSESSION, JSON, big, 413, "payload-too-large", "body"));
        cases.add(raw("huge phoneNumber", "POST", POSSESSION, JSON,
                "{\"phoneNumber\":\"" + "2".repeat(100_000) + "\",\"possessionType\":\"mobile\"}", 413,
                "payload-too-large", "body"));
        cases.add(raw("huge smsMessage on identity", "POST", IDENTITY, JSON, "{\"phoneNumber\":\"2001004009\","
                + "\"flowType\":\"mobile\",\"smsMessage\":\"#### " + "x".repeat(40_000) + "\"}", 413,
                "payload-too-large", "body"));
        cases.add(new Case("chunked body over the limit", "POST", POSSESSION, JSON,
                big.getBytes(StandardCharsets.UTF_8), true, 413, "payload-too-large", "body"));
        cases.add(new Case("chunked 1 MiB to complete", "POST", IDENTITY + "/" + RANDOM_FLOW + "/complete", JSON,
                ("{\"individual\":{\"firstName\":\"" + "x".repeat(1 << 20) + "\"}}").getBytes(StandardCharsets.UTF_8),
                true, 413, "payload-too-large", "body"));
        cases.add(raw("1 MiB to bind", "POST", POSSESSION + "/" + RANDOM_FLOW + "/bind", JSON,
                "{\"possessionCheckPassed\":true}" + " ".repeat(1 << 20), 413, "payload-too-large", "body"));
        cases.add(raw("very long string just under the limit", "POST", POSSESSION, JSON,
                "{\"phoneNumber\":\"2001004014\",\"possessionType\":\"mobile\",\"smsMessage\":\"####"
                        + "x".repeat(MAX_BODY - 200) + "\"}", 400, "invalid-request", "smsMessage"));
    }

    // ---------------------------------------------------------------------------------------------------------

    static Case individual(String name, String path, String field, Object value, String expectedField) {
        Map<String, Object> person = with(individual(), field, value);
        return json(name, "POST", path, Map.of("individual", person), 400, "invalid-request", expectedField);
    }

    static Case json(String name, String method, String path, Map<String, ?> body, int status, String type,
            String field) {
        return raw(name, method, path, JSON, toJson(body), status, type, field);
    }

    static Case raw(String name, String method, String path, String contentType, String body, int status,
            String type, String field) {
        return new Case(name, method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                false, status, type, field);
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    /** JSON text of plain maps, lists, strings, numbers and booleans (every string escaped, controls included). */
    static String toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(toJson(String.valueOf(k)))
                    .append(':').append(toJson(v)));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(toJson(v)));
            return out.append(']').toString();
        }
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
        return String.valueOf(value);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A short printable name for a hostile value (test names are logged). */
    static String show(String value) {
        String printable = value.codePoints().mapToObj(c -> c < 0x20 || c > 0x7e
                ? String.format("\\u%04x", c) : Character.toString(c)).reduce("", String::concat);
        return "'" + (printable.length() > 40 ? printable.substring(0, 40) + "...(" + value.length() + ")" : printable)
                + "'";
    }
}
