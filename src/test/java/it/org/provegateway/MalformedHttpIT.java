package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import it.org.provegateway.support.Sandbox;

/**
 * An attacker at the HTTP layer, with a raw socket (no client library that would tidy the request up): malformed
 * {@code Host} headers, bodies cut short, ambiguous framing (request smuggling), and paths that Liberty answers
 * itself. Every answer is a 4xx without a stack trace or Liberty internals; nothing reaches Prove; no ERROR line is
 * logged; no hostile value becomes a metric label.
 */
class MalformedHttpIT extends GatewayIT {

    static final String FLOWS = "/prove-gateway/api/v1/possession-flows";
    static final String START = "{\"phoneNumber\":\"2001004014\",\"possessionType\":\"mobile\"}";
    static final String AUTH = "Authorization: Basic "
            + Base64.getEncoder().encodeToString((OPERATOR + ":" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
    static final List<String> BAD_HOSTS = List.of("a b", "<script>alert(1)</script>", "%zz", "evil.example:99999",
            "user@evil.example", "evil.example/x");
    static final Pattern INTERNALS = Pattern.compile(
            "(?i)(\\bat [a-z]+\\.[a-z0-9_.$]+\\(|java\\.[a-z]+\\.|jakarta\\.|com\\.ibm\\.|Exception|SRVE0190E)");

    final Sandbox sandbox = new Sandbox(SANDBOX);
    final int port = URI.create(HOST).getPort();

    @BeforeEach
    void resetEmulator() {
        sandbox.reset();
    }

    @Test
    void aMalformedHostIsRefusedBeforeAnythingHappens() throws IOException {
        int errorsBefore = errorLines();
        for (String host : BAD_HOSTS) {
            Answer start = send("POST " + FLOWS + " HTTP/1.1\r\nHost: " + host + "\r\n" + AUTH
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + START.length() + "\r\n\r\n" + START);
            assertThat(start.status()).as(host).isEqualTo(400);
            assertThat(start.body()).as(host).contains("\"type\":\"https://prove-gateway.dev/problems/invalid-request\"")
                    .doesNotContain(host);
            assertThat(start.head()).as(host).containsIgnoringCase("Content-Type: application/problem+json");
            noInternals(start, host);

            Answer read = send("GET " + FLOWS + "/5f6e7b0e-8a7f-4d7e-9b58-1d9a1c0e0b1a HTTP/1.1\r\nHost: " + host
                    + "\r\n" + AUTH + "\r\n\r\n");
            assertThat(read.status()).as(host).isEqualTo(400);
            noInternals(read, host);

            Answer emulator = send("GET /prove-sandbox/control/users HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            assertThat(emulator.status()).as("the emulator, " + host).isEqualTo(400);
            noInternals(emulator, host);
        }
        Answer twoHosts = send("GET " + FLOWS + "/5f6e7b0e-8a7f-4d7e-9b58-1d9a1c0e0b1a HTTP/1.1\r\nHost: localhost\r\n"
                + "Host: evil.example\r\n" + AUTH + "\r\n\r\n");
        assertThat(twoHosts.status()).isEqualTo(400);

        assertThat(sandbox.calls("/v3/unify")).as("calls that reached Prove").isZero();
        assertThat(errorLines()).as("ERROR lines in messages.log").isEqualTo(errorsBefore);
        String metrics = given().auth().none().get(HOST + "/metrics").then().statusCode(200).extract().asString();
        for (String host : BAD_HOSTS) {
            assertThat(metrics).as("metric labels").doesNotContain(host);
        }
    }

    @Test
    void aBodyShorterThanItsLengthOrACutChunkedBodyIsTheCallersFault() throws IOException {
        int errorsBefore = errorLines();
        Answer shortBody = send("POST " + FLOWS + " HTTP/1.1\r\nHost: localhost\r\n" + AUTH
                + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n" + START);
        assertThat(shortBody.status()).isEqualTo(400);
        noInternals(shortBody, "short body");

        Answer cutChunked = send("POST " + FLOWS + " HTTP/1.1\r\nHost: localhost\r\n" + AUTH
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n64\r\n"
                + START.substring(0, 20));
        assertThat(cutChunked.status()).isEqualTo(400);
        noInternals(cutChunked, "cut chunked body");

        assertThat(sandbox.calls("/v3/unify")).isZero();
        assertThat(errorLines()).as("ERROR lines in messages.log").isEqualTo(errorsBefore);
    }

    /**
     * Liberty's HTTP channel frames the request before any application sees it and has no setting to refuse ambiguous
     * framing; what it does (Open Liberty 26.0.0.3) is pinned here, and docs/security.md tells operators what their
     * proxy must refuse. In no case is a smuggled second request served.
     */
    @Test
    void ambiguousFramingNeverServesASmuggledRequest() throws IOException {
        String smuggled = "GET " + FLOWS + "/5f6e7b0e-8a7f-4d7e-9b58-1d9a1c0e0b1a HTTP/1.1\r\nHost: localhost\r\n"
                + AUTH + "\r\n\r\n";
        String post = "POST " + FLOWS + " HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\nContent-Type: application/json\r\n";
        String chunkedBody = Integer.toHexString(START.length()) + "\r\n" + START + "\r\n0\r\n\r\n";

        // Two different lengths: Liberty either answers nothing or frames the request by the first length, answers it
        // and closes the connection (both seen with 26.0.0.3); the bytes after it are never served as a request.
        Answer twoLengths = send(post + "Content-Length: " + START.length() + "\r\nContent-Length: 5\r\n\r\n" + START
                + smuggled);
        assertThat(twoLengths.responses()).as("answers on the connection (the smuggled request is never served)")
                .isLessThanOrEqualTo(1);
        if (!twoLengths.raw().isEmpty()) {
            assertThat(twoLengths.head()).containsIgnoringCase("Connection: close");
            noInternals(twoLengths, "two lengths");
        }

        // Length and chunked: Liberty drops the length, reads the chunked body (RFC 9112 6.1) and closes the connection.
        Answer both = send(post + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedBody + smuggled);
        assertThat(both.status()).isIn(201, 400);
        assertThat(both.head()).containsIgnoringCase("Connection: close");
        assertThat(both.responses()).as("answers on the connection (the smuggled request is never served)")
                .isEqualTo(1);
        noInternals(both, "length and chunked");

        // A transfer coding the gateway does not know: refused by the gateway itself.
        sandbox.reset();
        Answer unknown = send(post + "Transfer-Encoding: xchunked\r\n\r\n" + chunkedBody + smuggled);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"type\":\"https://prove-gateway.dev/problems/invalid-request\"");
        assertThat(unknown.responses()).isEqualTo(1);
        assertThat(sandbox.calls("/v3/unify")).as("calls that reached Prove").isZero();
    }

    @Test
    void pathsTheContainerAnswersItselfCarryNoInternals() throws IOException {
        for (String path : List.of("/prove-gateway/api/V1/possession-flows", "/prove-gateway/api/v1/../../x",
                "/prove-gateway/x", "/prove-gateway/api/v1/%zz", "/prove-gateway/api/v1/possession-flows/%c0%ae",
                "/prove-gateway/api/v1/possession-flows/..%2f..%2fx", "/prove-gateway/WEB-INF/web.xml",
                "/prove-gateway/problem", "/prove-gateway/api/v1/%00")) {
            Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\n\r\n");
            assertThat(answer.status()).as(path).isBetween(400, 499);
            noInternals(answer, path);
            if (answer.head().toLowerCase().contains("content-type: application/problem+json")) {
                assertThat(answer.body()).as(path).contains("\"type\":\"https://prove-gateway.dev/problems/");
            }
        }
        Answer unknownVersion = send("GET /prove-gateway/api/V1/possession-flows HTTP/1.1\r\nHost: localhost\r\n"
                + AUTH + "\r\n\r\n");
        assertThat(unknownVersion.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(unknownVersion.body()).contains("\"type\":\"https://prove-gateway.dev/problems/not-found\"");
    }

    private static void noInternals(Answer answer, String what) {
        assertThat(answer.status()).as(what).isLessThan(500);
        Matcher internals = INTERNALS.matcher(answer.body());
        assertThat(internals.find()).as(what + ": internals in the answer: " + answer.body()).isFalse();
    }

    /** ERROR lines ("... E CWW...") in the server's messages.log so far. */
    static int errorLines() throws IOException {
        Path log = Path.of(System.getProperty("it.server.logs"), "messages.log");
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return (int) lines.filter(line -> line.matches("^\\[[^]]+\\] \\S+ \\S+\\s+E .*")).count();
        }
    }

    /** One exchange on a fresh connection: the request as given, then everything the server sends until it closes. */
    Answer send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException stillOpen) {
                // what arrived is what the server answered
            }
            return new Answer(received.toString(StandardCharsets.ISO_8859_1));
        }
    }

    /** What came back: the first answer's status, head and body, and how many answers in all. */
    record Answer(String raw) {

        int status() {
            return raw.startsWith("HTTP/1.") ? Integer.parseInt(raw.substring(9, 12)) : -1;
        }

        String head() {
            int end = raw.indexOf("\r\n\r\n");
            return end < 0 ? raw : raw.substring(0, end);
        }

        String body() {
            int end = raw.indexOf("\r\n\r\n");
            return end < 0 ? "" : raw.substring(end + 4);
        }

        int responses() {
            List<Integer> starts = new ArrayList<>();
            for (int i = raw.indexOf("HTTP/1."); i >= 0; i = raw.indexOf("\r\nHTTP/1.", i + 1)) {
                starts.add(i);
            }
            return starts.size();
        }
    }
}
