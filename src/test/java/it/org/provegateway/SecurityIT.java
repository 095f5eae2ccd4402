package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import it.org.provegateway.support.Sandbox;

/**
 * Who may call what: every /api endpoint refuses callers without credentials or with a wrong password (401, with
 * a challenge, as a problem), callers without the endpoint's role (403 problem), and serves callers with it. Also
 * the security headers on every kind of answer, and CORS refusing an unknown origin. The demo users are those of
 * src/test/liberty/test.xml.
 */
class SecurityIT extends GatewayIT {

    static final String PROBLEMS = "https://prove-gateway.dev/problems/";

    /** Demo users: name, password. */
    static final Map<String, String> USERS = Map.of("flows", "demo-flows", "flows2", "demo-flows2", "reader",
            "demo-reader", "admin", "demo-admin", "operator", "demo-operator", "auditor", "demo-auditor", "nobody",
            "demo-nobody");

    static final Set<String> FLOW_RUNNERS = Set.of("flows", "flows2", "operator");
    static final Set<String> BINDING_READERS = Set.of("reader", "admin", "operator");
    static final Set<String> BINDING_ADMINS = Set.of("admin", "operator");
    static final Set<String> AUDITORS = Set.of("auditor");

    final Sandbox sandbox = new Sandbox(SANDBOX);

    /** One endpoint of the API, how to call it, who may, and what a caller who may gets. */
    record Endpoint(String method, String path, Map<String, ?> body, Set<String> allowed, int expected,
            String expectedProblem) {

        Response call(RequestSpecification caller) {
            RequestSpecification request = caller.contentType(ContentType.JSON);
            if (body != null) {
                request = request.body(body);
            }
            return request.request(method, API + path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        String unknown = UUID.randomUUID().toString();
        return List.of(
                new Endpoint("POST", "/possession-flows",
                        Map.of("phoneNumber", "2001004014", "possessionType", "mobile"), FLOW_RUNNERS, 201, null),
                new Endpoint("GET", "/possession-flows/" + unknown, null, FLOW_RUNNERS, 404, "flow-not-found"),
                new Endpoint("POST", "/possession-flows/" + unknown + "/result", null, FLOW_RUNNERS, 404,
                        "flow-not-found"),
                new Endpoint("POST", "/possession-flows/" + unknown + "/bind", Map.of("possessionCheckPassed", true),
                        FLOW_RUNNERS, 404, "flow-not-found"),
                new Endpoint("POST", "/identity-flows", Map.of("phoneNumber", "2001004009", "flowType", "mobile"),
                        FLOW_RUNNERS, 201, null),
                new Endpoint("POST", "/identity-flows/" + unknown + "/validate", null, FLOW_RUNNERS, 404,
                        "flow-not-found"),
                new Endpoint("POST", "/identity-flows/" + unknown + "/complete",
                        Map.of("individual", Map.of("firstName", "Benji", "lastName", "Harper")), FLOW_RUNNERS, 404,
                        "flow-not-found"),
                new Endpoint("POST", "/key-bindings/search", Map.of("phoneNumber", "2001004014"), BINDING_READERS, 200,
                        null),
                new Endpoint("GET", "/key-bindings?deviceId=nobody", null, BINDING_READERS, 200, null),
                new Endpoint("GET", "/key-bindings/" + unknown, null, BINDING_READERS, 404, "binding-not-found"),
                new Endpoint("POST", "/key-bindings/" + unknown + "/revoke", null, BINDING_ADMINS, 404,
                        "binding-not-found"),
                new Endpoint("POST", "/key-bindings/bulk-check", Map.of("phoneNumbers", List.of("2001004014")),
                        BINDING_READERS, 200, null),
                new Endpoint("GET", "/key-bindings/changes?limit=1", null, BINDING_READERS, 200, null),
                new Endpoint("GET", "/binding-health/runs", null, BINDING_ADMINS, 200, null),
                new Endpoint("GET", "/audit-events?limit=1", null, AUDITORS, 200, null),
                new Endpoint("GET", "/binding-health/runs/" + unknown, null, BINDING_ADMINS, 404, "run-not-found"));
    }

    @BeforeEach
    void freshProve() {
        sandbox.reset();
    }

    static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password);
    }

    static RequestSpecification anonymous() {
        return given().auth().none();
    }

    @Test
    void everyEndpointRefusesMissingAndWrongCredentialsAndCallersWithoutItsRoleAndServesItsRoles() {
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints()) {
            Response none = endpoint.call(anonymous());
            softly.assertThat(none.statusCode()).as("%s without credentials", endpoint).isEqualTo(401);
            softly.assertThat(none.header("WWW-Authenticate")).as("%s challenge", endpoint).startsWith("Basic");
            softly.assertThat(none.contentType()).as("%s 401 body", endpoint).startsWith("application/problem+json");
            softly.assertThat(none.jsonPath().getString("type")).as("%s 401 type", endpoint)
                    .isEqualTo(PROBLEMS + "unauthenticated");
            softly.assertThat(none.jsonPath().getInt("status")).isEqualTo(401);

            String someone = endpoint.allowed().iterator().next();
            Response wrongPassword = endpoint.call(as(someone, "not-" + USERS.get(someone)));
            softly.assertThat(wrongPassword.statusCode()).as("%s with a wrong password", endpoint).isEqualTo(401);
            softly.assertThat(wrongPassword.jsonPath().getString("type")).isEqualTo(PROBLEMS + "unauthenticated");
            softly.assertThat(endpoint.call(as("nobody-at-all", "x")).statusCode()).as("%s unknown user", endpoint)
                    .isEqualTo(401);

            for (var user : USERS.entrySet()) {
                Response answer = endpoint.call(as(user.getKey(), user.getValue()));
                if (endpoint.allowed().contains(user.getKey())) {
                    softly.assertThat(answer.statusCode()).as("%s as %s (has the role)", endpoint, user.getKey())
                            .isEqualTo(endpoint.expected());
                    if (endpoint.expectedProblem() != null) {
                        softly.assertThat(answer.jsonPath().getString("type"))
                                .as("%s as %s: the domain's answer", endpoint, user.getKey())
                                .isEqualTo(PROBLEMS + endpoint.expectedProblem());
                    }
                } else {
                    softly.assertThat(answer.statusCode()).as("%s as %s (lacks the role)", endpoint, user.getKey())
                            .isEqualTo(403);
                    softly.assertThat(answer.contentType()).startsWith("application/problem+json");
                    softly.assertThat(answer.jsonPath().getString("type")).as("%s as %s", endpoint, user.getKey())
                            .isEqualTo(PROBLEMS + "forbidden");
                }
            }
        }
        softly.assertAll();
    }

    /** Catches an endpoint added later without @RolesAllowed: every operation the OpenAPI document lists. */
    /**
     * Starting the binding-health job changes the registry, so it is not in the matrix above (a second start while
     * one runs is a 409): only binding administrators may start it, and the run is awaited so no later test meets it.
     */
    @Test
    void onlyBindingAdministratorsStartTheBindingHealthJob() throws InterruptedException {
        for (String user : List.of("flows", "reader", "nobody")) {
            Response refused = as(user, USERS.get(user)).contentType(ContentType.JSON).post(API + "/binding-health/runs");
            assertThat(refused.statusCode()).as("start as %s", user).isEqualTo(403);
            assertThat(refused.jsonPath().getString("type")).isEqualTo(PROBLEMS + "forbidden");
        }
        anonymous().contentType(ContentType.JSON).post(API + "/binding-health/runs").then().statusCode(401);
        String runId = as("admin", "demo-admin").contentType(ContentType.JSON).post(API + "/binding-health/runs")
                .then().statusCode(202).extract().jsonPath().getString("runId");
        long deadline = System.nanoTime() + 30_000_000_000L;
        String status;
        do {
            Thread.sleep(100);
            status = as("admin", "demo-admin").get(API + "/binding-health/runs/" + runId).then().statusCode(200)
                    .extract().jsonPath().getString("status");
        } while ("STARTED".equals(status) && System.nanoTime() < deadline);
        assertThat(status).isEqualTo("COMPLETED");
    }

    @Test
    void everyOperationInTheApiDocumentRefusesAnonymousCallers() {
        var document = given().accept(ContentType.JSON).get(HOST + "/openapi").then().statusCode(200).extract()
                .jsonPath();
        assertThat(document.getString("components.securitySchemes.jwt.scheme")).isEqualTo("bearer");
        assertThat(document.getString("paths.'/api/v1/possession-flows'.post.responses.'401'.description"))
                .contains("unauthenticated");
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> checked = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        for (var path : paths.entrySet()) {
            String url = GATEWAY + path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String method : path.getValue().keySet()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                Response answer = anonymous().contentType(ContentType.JSON).body("{}").request(method, url);
                softly.assertThat(answer.statusCode()).as("%s %s anonymous", method, path.getKey()).isEqualTo(401);
                softly.assertThat(answer.jsonPath().getString("type")).isEqualTo(PROBLEMS + "unauthenticated");
                checked.add(method.toUpperCase() + " " + path.getKey());
            }
        }
        softly.assertAll();
        assertThat(checked).as("the document lists at least the endpoints of the role matrix")
                .hasSizeGreaterThanOrEqualTo(endpoints().size())
                .contains("POST /api/v1/possession-flows", "POST /api/v1/key-bindings/{bindingId}/revoke");
    }

    @Test
    void healthOpenApiAndTheEmulatorNeedNoCredentials() {
        // Health may still be 503 (not ready) right after start-up; it must never ask for credentials.
        assertThat(anonymous().get(HOST + "/health").statusCode()).isIn(200, 503);
        anonymous().get(HOST + "/openapi").then().statusCode(200);
        anonymous().get(SANDBOX + "/control/calls/v3/unify").then().statusCode(200);
    }

    @Test
    void noSessionCookieIsIssued() {
        Response answer = as("flows", "demo-flows").get(API + "/possession-flows/" + UUID.randomUUID());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().getValues("Set-Cookie")).as("no LTPA or session cookie").isEmpty();
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        List<Response> answers = List.of(
                as("flows", "demo-flows").contentType(ContentType.JSON)
                        .body(Map.of("phoneNumber", "2001004014", "possessionType", "mobile"))
                        .post(API + "/possession-flows"),
                as("flows", "demo-flows").get(API + "/possession-flows/" + UUID.randomUUID()),
                anonymous().get(API + "/key-bindings/x"),
                as("nobody", "demo-nobody").get(API + "/key-bindings/x"),
                anonymous().get(HOST + "/openapi"));
        assertThat(answers).extracting(Response::statusCode).containsExactly(201, 404, 401, 403, 200);
        for (Response answer : answers) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.header("Strict-Transport-Security")).startsWith("max-age=31536000");
            assertThat(answer.header("X-Powered-By")).isNull();
        }
    }

    @Test
    void aPreflightFromAnUnlistedOriginIsNotAllowed() {
        Response preflight = anonymous().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .options(API + "/possession-flows");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();

        Response simple = as("flows", "demo-flows").header("Origin", "https://evil.example")
                .get(API + "/possession-flows/" + UUID.randomUUID());
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }

    /** The test server lists one origin (test.xml), which shows the allow-list is in force at all. */
    @Test
    void aPreflightFromTheListedOriginIsAllowedForThatOriginOnly() {
        Response preflight = anonymous().header("Origin", "https://app.bank.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .options(API + "/possession-flows");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.bank.test");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");
    }
}
