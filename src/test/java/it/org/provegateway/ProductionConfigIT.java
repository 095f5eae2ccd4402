package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import it.org.provegateway.support.JwksProbe;
import it.org.provegateway.support.SecondServer;
import it.org.provegateway.support.Tokens;

/**
 * An operator with only the production configuration: liberty/config/server.xml plus the variables an operator sets
 * (src/test/liberty-production/production.xml: HTTPS port, database, Prove, identity provider), on a second Liberty
 * server. Callers are the bank's: JWTs signed by the test's identity provider (its JWKS published by the jwks-probe on
 * the managed server). What the server shows to anyone, what Prometheus can scrape, and an attacker's sweep (0 5xx,
 * 0 stack traces).
 */
class ProductionConfigIT extends GatewayIT {

    static final String ISSUER = "https://issuer.prove-gateway.test";
    static final Tokens IDP = new Tokens();
    /** A stack frame ("at com.example.Type.method(Type.java:12)"), as Liberty's error pages used to show them. */
    static final Pattern STACK_TRACE = Pattern.compile("\\bat [A-Za-z_$][\\w$]*(\\.[\\w$<>]+)+\\(");

    static SecondServer server;

    @Deployment(name = "jwks-probe", testable = false, order = 3)
    public static WebArchive jwksProbe() {
        return ShrinkWrap.create(WebArchive.class, "jwks-probe.war")
                .addClasses(JwksProbe.class, JwksProbe.ProbeApplication.class);
    }

    @BeforeAll
    static void startWithTheProductionConfiguration() {
        given().auth().none().contentType(ContentType.JSON).body(IDP.jwks()).put(HOST + "/jwks-probe/jwks").then()
                .statusCode(204);
        server = new SecondServer("production-config", SANDBOX, Map.of("jwt.issuer", ISSUER, "jwt.jwks-uri",
                HOST + "/jwks-probe/jwks", "jwt.audiences", "prove-gateway"),
                Path.of(System.getProperty("it.production.config")));
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String token(String user, List<String> groups) {
        return IDP.sign(JwtIT.with(JwtIT.claims(user, groups), "iss", ISSUER));
    }

    static RequestSpecification https() {
        return given().relaxedHTTPSValidation().auth().none().redirects().follow(false);
    }

    @Test
    void onlyHttpsIsOpen() throws IOException {
        String log = Files.readString(server.logs().resolve("messages.log"), StandardCharsets.ISO_8859_1);
        assertThat(log).contains("defaultHttpEndpoint-ssl has been started")
                .doesNotContain("TCP Channel defaultHttpEndpoint has been started");
    }

    @Test
    void libertysOwnPagesShowNothing() {
        Response root = https().get(server.base() + "/");
        assertThat(root.statusCode()).isEqualTo(404);
        assertThat(root.asString()).doesNotContainIgnoringCase("Open Liberty");

        Response jwk = https().get(server.base() + "/jwt/ibm/api/defaultJWT/jwk");
        assertThat(jwk.statusCode()).isNotEqualTo(200);
        assertThat(jwk.asString()).doesNotContain("\"keys\"").doesNotContain("\"kty\"");
        assertThat(https().get(server.base() + "/jwt/ibm/api/defaultJWT/token").statusCode()).isNotEqualTo(200);

        for (String path : List.of("/ibm/api/", "/ibm/api/docs", "/ibm/api/config")) {
            Response admin = https().get(server.base() + path);
            assertThat(admin.statusCode()).as(path).isIn(401, 403, 404);
            assertThat(admin.asString()).as(path).doesNotContain("\"roots\"");
        }
    }

    @Test
    void prometheusScrapesMetricsWithItsGroupAndNobodyElseDoes() {
        assertThat(https().get(server.base() + "/metrics").statusCode()).isEqualTo(401);
        assertThat(https().auth().oauth2(token("web-backend", List.of("flow-runner"))).get(server.base() + "/metrics")
                .statusCode()).isEqualTo(403);
        Response scrape = https().auth().oauth2(token("prometheus", List.of("metrics-reader")))
                .get(server.base() + "/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.asString()).contains("# TYPE").contains("mp_scope=\"application\"");
        // The scraper's token is no key to the API.
        assertThat(https().auth().oauth2(token("prometheus", List.of("metrics-reader")))
                .get(server.api() + "/possession-flows/" + UUID.randomUUID()).statusCode()).isEqualTo(403);
    }

    @Test
    void theApiWorksOverHttpsAndCarriesItsOwnStrictPolicy() {
        Response started = https().auth().oauth2(token("web-backend", List.of("flow-runner")))
                .contentType(ContentType.JSON).body(Map.of("phoneNumber", "2001004014", "possessionType", "mobile"))
                .post(server.api() + "/possession-flows");
        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(started.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(started.header("Strict-Transport-Security")).startsWith("max-age=31536000");

        // Liberty's OpenAPI UI brings its own policy for its scripts; the server's header no longer overwrites it.
        Response ui = https().get(server.base() + "/openapi/ui/");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.header("Content-Security-Policy")).startsWith("default-src 'self'").contains("script-src 'self'");
        assertThat(ui.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(https().get(server.base() + "/openapi").asString()).contains("/possession-flows");
    }

    @Test
    void anAttackersSweepGetsNo5xxAndNoStackTrace() throws Exception {
        String bearer = "Authorization: Bearer " + token("web-backend", List.of("flow-runner")) + "\r\n";
        String flows = "/prove-gateway/api/v1/possession-flows";
        String start = "{\"phoneNumber\":\"2001004014\",\"possessionType\":\"mobile\"}";
        List<String> requests = new ArrayList<>();
        for (String host : List.of("a b", "<script>x</script>", "%zz", "evil.example:99999", "x@y")) {
            requests.add("GET " + flows + "/" + UUID.randomUUID() + " HTTP/1.1\r\nHost: " + host + "\r\n" + bearer
                    + "\r\n");
            requests.add("POST " + flows + " HTTP/1.1\r\nHost: " + host + "\r\n" + bearer
                    + "Content-Type: application/json\r\nContent-Length: " + start.length() + "\r\n\r\n" + start);
            for (String path : List.of("/", "/health", "/metrics", "/openapi", "/jwt/ibm/api/defaultJWT/jwk",
                    "/ibm/api/")) {
                requests.add("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            }
        }
        for (String path : List.of("/prove-gateway/api/V1/possession-flows", "/prove-gateway/api/v1/../../x",
                "/prove-gateway/api/v1/%zz", "/prove-gateway/api/v1/possession-flows/%c0%ae", "/prove-gateway/x",
                "/prove-gateway/WEB-INF/web.xml", "/nothing", "/jwt/x", "/ibm/api/../../x", "/openapi/ui/../../x",
                "/health/%zz", "/metrics/x")) {
            requests.add("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + bearer + "\r\n");
        }
        requests.add("POST " + flows + " HTTP/1.1\r\nHost: localhost\r\n" + bearer
                + "Content-Type: application/json\r\nContent-Length: 300\r\n\r\n" + start);
        requests.add("POST " + flows + " HTTP/1.1\r\nHost: localhost\r\n" + bearer
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n64\r\n" + start.substring(0, 9));
        requests.add("POST " + flows + " HTTP/1.1\r\nHost: localhost\r\n" + bearer
                + "Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        requests.add("GET " + flows + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer not.a.token\r\n\r\n");

        List<String> findings = new ArrayList<>();
        for (String request : requests) {
            String answer = exchange(request);
            String line = request.substring(0, request.indexOf("\r\n"));
            int status = answer.startsWith("HTTP/1.") ? Integer.parseInt(answer.substring(9, 12)) : -1;
            if (status >= 500) {
                findings.add(status + " for " + line);
            }
            if (STACK_TRACE.matcher(answer).find()) {
                findings.add("internals in the answer to " + line);
            }
        }
        assertThat(findings).as("5xx answers and stack traces").isEmpty();
    }

    /** One request on a fresh TLS connection; everything the server sends until it closes or goes quiet. */
    static String exchange(String request) throws IOException, GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new TrustEverything()}, null);
        try (Socket socket = tls.getSocketFactory().createSocket("localhost", server.httpsPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException keptOpen) {
                // the server keeps the connection for the next request: the answer is complete
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** The test server's certificate is Liberty's self-signed one. */
    static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
