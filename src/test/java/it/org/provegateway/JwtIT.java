package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import it.org.provegateway.support.JwksProbe;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.Tokens;

/**
 * The production authentication: MicroProfile JWT as configured in liberty/config/server.xml, with only its
 * variables (issuer, JWKS URI, audience) set by test.xml. The test is the identity provider: it makes a key pair,
 * publishes the public key through the test-only jwks-probe, and signs tokens. A valid token's {@code groups} claim
 * gives its roles; an expired token, another issuer, another audience or another key is refused with 401.
 */
class JwtIT extends GatewayIT {

    static final String ISSUER = "https://issuer.prove-gateway.test";
    static final String AUDIENCE = "prove-gateway";
    static final String PROBLEMS = "https://prove-gateway.dev/problems/";

    static final Tokens IDP = new Tokens();

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @Deployment(name = "jwks-probe", testable = false, order = 3)
    public static WebArchive jwksProbe() {
        return ShrinkWrap.create(WebArchive.class, "jwks-probe.war")
                .addClasses(JwksProbe.class, JwksProbe.ProbeApplication.class);
    }

    @BeforeEach
    void publishTheKey() {
        given().auth().none().contentType(ContentType.JSON).body(IDP.jwks()).put(HOST + "/jwks-probe/jwks").then()
                .statusCode(204);
        sandbox.reset();
    }

    static Map<String, Object> claims(String user, List<String> groups) {
        Instant now = Instant.now();
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", user);
        claims.put("upn", user);
        claims.put("groups", groups);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(claims);
        changed.put(name, value);
        return changed;
    }

    static Response readFlow(String token) {
        return given().auth().oauth2(token).get(API + "/possession-flows/" + UUID.randomUUID());
    }

    @Test
    void aValidTokenWithTheRoleGroupIsServedAndItsUserIsTheCaller() {
        String token = IDP.sign(claims("web-backend", List.of("flow-runner")));
        Response unknown = readFlow(token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.jsonPath().getString("type")).isEqualTo(PROBLEMS + "flow-not-found");

        String flowId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", "2001004014", "possessionType", "mobile")).post(API + "/possession-flows")
                .then().statusCode(201).extract().jsonPath().getString("flowId");
        assertThat(db.single("SELECT principal, outcome FROM audit_event WHERE flow_id = ? AND action = ?", flowId,
                "POSSESSION_START")).containsEntry("principal", "web-backend").containsEntry("outcome", "success");
    }

    @Test
    void aValidTokenWithoutTheRoleGroupIsForbidden() {
        String reader = IDP.sign(claims("batch-job", List.of("binding-reader")));
        Response refused = readFlow(reader);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.jsonPath().getString("type")).isEqualTo(PROBLEMS + "forbidden");
        given().auth().oauth2(reader).contentType("application/json").body("{\"phoneNumber\":\"2001004014\"}")
                .post(API + "/key-bindings/search").then().statusCode(200);

        String noGroups = IDP.sign(claims("someone", List.of()));
        assertThat(readFlow(noGroups).statusCode()).isEqualTo(403);
    }

    @Test
    void expiredWrongIssuerWrongAudienceAndForeignKeyTokensAreUnauthenticated() {
        Map<String, Object> valid = claims("web-backend", List.of("flow-runner"));
        Instant longAgo = Instant.now().minusSeconds(3600);
        Map<String, String> refusedTokens = Map.of(
                "expired", IDP.sign(with(with(valid, "exp", longAgo.getEpochSecond()), "iat",
                        longAgo.minusSeconds(300).getEpochSecond())),
                "wrong issuer", IDP.sign(with(valid, "iss", "https://evil.example")),
                "wrong audience", IDP.sign(with(valid, "aud", "some-other-service")),
                "foreign key", new Tokens().sign(valid),
                "not a token", "not.a.token");
        for (var refused : refusedTokens.entrySet()) {
            Response answer = readFlow(refused.getValue());
            assertThat(answer.statusCode()).as(refused.getKey()).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).as(refused.getKey()).startsWith("Bearer");
            assertThat(answer.contentType()).as(refused.getKey()).startsWith("application/problem+json");
            assertThat(answer.jsonPath().getString("type")).as(refused.getKey())
                    .isEqualTo(PROBLEMS + "unauthenticated");
        }
        assertThat(readFlow(IDP.sign(valid)).statusCode()).as("the same claims, valid").isEqualTo(404);
    }
}
