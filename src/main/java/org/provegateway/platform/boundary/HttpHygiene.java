package org.provegateway.platform.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.provegateway.platform.control.ProblemType;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first thing every request to the gateway's web application meets, before authentication, JAX-RS, metrics or a
 * call to Prove. It refuses with a {@code 400 invalid-request} problem (and closes the connection) what Liberty's
 * HTTP channel lets through but must never reach the application:
 * <ul>
 * <li>a {@code Host} header that is not a host name or IP literal with an optional port, or more than one: the JAX-RS
 * runtime builds every request's absolute URI from it, and a value with spaces or markup made that fail after the
 * resource had run (a flow start had already reached Prove; the caller got a 500 page with a stack trace);</li>
 * <li>request framing that a proxy in front may read differently from Liberty (request smuggling, RFC 9112 6.1 and
 * 6.3): two different {@code Content-Length} values, {@code Content-Length} together with
 * {@code Transfer-Encoding}, or a transfer coding other than {@code chunked}. Liberty's HTTP channel has no setting
 * to refuse these (measured with Open Liberty 26.0.0.3: it accepts all three), so the gateway refuses them itself;
 * the proxy must still be set to refuse them too (docs/security.md).</li>
 * </ul>
 * It also sets the gateway's own Content-Security-Policy: its answers are JSON and need nothing ({@code default-src
 * 'none'}), while the server-wide header (server.xml) only fills in answers that have none, so that Liberty's
 * OpenAPI UI can load its scripts where it is offered.
 *
 * <p>Nothing of a refused request is logged or echoed: the problem's {@code instance} is the path only when it is
 * plain (as in every other problem), never the Host.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HttpHygiene extends HttpFilter implements Filter { // Liberty looks for Filter on the class itself

    private static final long serialVersionUID = 1L;

    /** The policy of every gateway answer: JSON for programs, never a document a browser renders or frames. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    /**
     * RFC 9110 7.2 / RFC 3986 3.2.2, as far as a gateway needs: DNS names (labels of letters, digits, '-' and, as some
     * internal names have them, '_'), IPv4 addresses, or an IPv6 literal in brackets, and an optional port.
     */
    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?"
                    + "|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> refusal = refusal(request);
        if (refusal.isPresent()) {
            refuse(request, response, refusal.get());
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        chain.doFilter(request, response);
    }

    /** Why the request must not go further, if it must not. */
    static Optional<String> refusal(HttpServletRequest request) {
        List<String> hosts = Collections.list(request.getHeaders("Host"));
        if (hosts.size() > 1 || hosts.size() == 1 && !validHost(hosts.get(0))) {
            return Optional.of("The Host header is not a valid host name and port");
        }
        List<String> lengths = Collections.list(request.getHeaders("Content-Length"));
        List<String> codings = Collections.list(request.getHeaders("Transfer-Encoding"));
        return framing(lengths, codings);
    }

    static boolean validHost(String host) {
        if (!HOST.matcher(host).matches()) {
            return false;
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.endsWith("]") || Integer.parseInt(host.substring(colon + 1)) <= 65535;
    }

    /** RFC 9112 6.1-6.3: one body length, declared one way only. */
    static Optional<String> framing(List<String> lengths, List<String> codings) {
        if (!codings.isEmpty() && !lengths.isEmpty()) {
            return Optional.of("Content-Length and Transfer-Encoding must not be sent together");
        }
        if (!codings.isEmpty() && (codings.size() > 1
                || !"chunked".equals(codings.get(0).trim().toLowerCase(Locale.ROOT)))) {
            return Optional.of("The only transfer coding accepted is chunked");
        }
        String first = null;
        for (String header : lengths) {
            for (String value : header.split(",", -1)) {
                String length = value.trim();
                if (!DIGITS.matcher(length).matches() || first != null && !first.equals(length)) {
                    return Optional.of("Content-Length must be one non-negative number");
                }
                first = length;
            }
        }
        return Optional.empty();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        ProblemType type = ProblemType.INVALID_REQUEST;
        String path = request.getRequestURI();
        String instance = path != null && ProblemResponses.SAFE_PATH.matcher(path).matches()
                ? ",\"instance\":\"" + path + "\"" : "";
        byte[] body = ("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":"
                + type.status() + ",\"detail\":\"" + detail + "\"" + instance + "}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(type.status());
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        // The rest of this connection cannot be trusted to start where Liberty thinks it does.
        response.setHeader("Connection", "close");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
