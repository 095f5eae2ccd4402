package org.provegateway.platform.boundary;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.provegateway.platform.control.ProblemType;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page of the gateway's web application (WEB-INF/web.xml): what the servlet container answers itself, for
 * paths outside the JAX-RS application ({@code /api/V1}, a path that {@code ..} took elsewhere) or for a failure no
 * exception mapper saw, becomes a problem document like every other refusal, instead of Liberty's HTML page that
 * names exception classes and message ids. Requested directly it is just an unknown path.
 */
@WebServlet(ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    static final String PATH = "/problem";

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = code instanceof Integer number ? number : 404;
        if (failure instanceof Throwable thrown && notFound(thrown)) {
            status = 404;
        }
        ProblemType type = switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.INVALID_REQUEST;
        };
        String path = uri instanceof String text ? text : request.getRequestURI();
        String instance = path != null && ProblemResponses.SAFE_PATH.matcher(path).matches()
                ? ",\"instance\":\"" + path + "\"" : "";
        int answered = type == ProblemType.INVALID_REQUEST ? 400 : type.status();
        byte[] body = ("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + answered
                + instance + "}").getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(answered);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean notFound(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof FileNotFoundException) {
                return true;
            }
        }
        return false;
    }
}
