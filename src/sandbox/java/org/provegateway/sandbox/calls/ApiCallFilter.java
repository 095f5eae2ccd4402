package org.provegateway.sandbox.calls;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.provegateway.sandbox.platform.SandboxError;

/**
 * Wraps every call of Prove's API ({@code /token}, {@code /v3/*}), before anything else answers:
 * <ol>
 * <li>reads the body once (at most 64 KiB; the resources refuse anything over 4 KB anyway);</li>
 * <li>applies the first pending {@link Fault} for the path: delay, then error answer, dropped connection, or the
 * normal answer;</li>
 * <li>records the call with the status answered and the body ({@link CallRecorder}).</li>
 * </ol>
 *
 * <p>A dropped connection is simulated portably: the answer announces {@code Content-Length: 1048576} and
 * {@code Connection: close}, sends a few bytes, flushes, and ends. The server then closes the socket, so the client
 * sees a premature end of stream (an {@code IOException}, e.g. "fixed content-length ... bytes received") rather than
 * an HTTP answer it could parse.
 */
@WebFilter(urlPatterns = {"/token", "/v3/*"})
public class ApiCallFilter extends HttpFilter implements Filter { // Liberty looks for Filter on the class itself

    private static final long serialVersionUID = 1L;
    private static final int MAX_CAPTURED_BYTES = 64 * 1024;
    private static final long DROPPED_CONTENT_LENGTH = 1024 * 1024;

    @Inject
    transient Faults faults;

    @Inject
    transient CallRecorder calls;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String endpoint = request.getRequestURI().substring(request.getContextPath().length());
        byte[] body = request.getInputStream().readNBytes(MAX_CAPTURED_BYTES + 1);
        Optional<Fault> fault = faults.take(endpoint);
        String status = "500";
        try {
            if (fault.isPresent()) {
                pause(fault.get().delayMillis());
                if (fault.get().drop()) {
                    status = "dropped";
                    drop(response);
                    return;
                }
                Optional<SandboxError> error = fault.get().error();
                if (error.isPresent()) {
                    status = String.valueOf(error.get().status());
                    answer(response, error.get());
                    return;
                }
            }
            chain.doFilter(new CapturedRequest(request, body), response);
            status = String.valueOf(response.getStatus());
        } finally {
            calls.record(endpoint, status, RecordedBody.of(endpoint, body));
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // The server is stopping this thread: stop waiting and let the call go on; keep the interrupt visible.
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpServletResponse response, SandboxError error) throws IOException {
        byte[] json = error.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(error.status());
        response.setContentType("application/json");
        error.headers().forEach(response::setHeader);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    private static void drop(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Connection", "close");
        response.setContentLengthLong(DROPPED_CONTENT_LENGTH);
        ServletOutputStream out = response.getOutputStream();
        out.write("{\"succ".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
