package org.provegateway.sandbox.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request whose {@code Host} header is not a host name or IP literal with an optional port (or that has
 * several) with a 400 in Prove's error shape, before JAX-RS builds the request's absolute URI from it: a Host with a
 * space or markup made every emulator endpoint answer 500. Runs first, on every path of the emulator.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HostCheck extends HttpFilter implements Filter { // Liberty looks for Filter on the class itself

    private static final long serialVersionUID = 1L;

    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?"
                    + "|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");

    private static boolean valid(String host) {
        if (!HOST.matcher(host).matches()) {
            return false;
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.endsWith("]") || Integer.parseInt(host.substring(colon + 1)) <= 65535;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        List<String> hosts = Collections.list(request.getHeaders("Host"));
        if (hosts.size() > 1 || hosts.size() == 1 && !valid(hosts.get(0))) {
            byte[] body = "{\"code\":1001,\"message\":\"invalid Host header\"}".getBytes(StandardCharsets.UTF_8);
            response.setStatus(400);
            response.setHeader("Connection", "close");
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }
}
