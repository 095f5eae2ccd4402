package org.provegateway.platform.boundary;

import java.lang.annotation.Annotation;

import org.provegateway.platform.control.ProblemType;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives Liberty's own authentication refusal a problem body. When a {@code @RolesAllowed} method is called without
 * valid credentials, Liberty's JAX-RS security filter runs the authentication mechanism (mpJwt in production, HTTP
 * Basic in demo and tests), which sets the {@code WWW-Authenticate} challenge, and then aborts the request with a
 * bare 401 that no exception mapper sees (measured on Liberty 26.0.0.3). This filter fills in the same
 * {@code unauthenticated} problem the mappers would build; it never changes the status or the challenge. A 403 needs
 * no help: Liberty throws {@code ForbiddenException}, which {@link WebApplicationExceptionMapper} answers.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationChallenges implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != ProblemType.UNAUTHENTICATED.status() || response.hasEntity()) {
            return;
        }
        var problem = Problem.of(ProblemType.UNAUTHENTICATED,
                "Send valid credentials: missing, expired or wrong credentials are refused",
                request.getUriInfo().getRequestUri().getPath());
        response.setEntity(problem, new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
