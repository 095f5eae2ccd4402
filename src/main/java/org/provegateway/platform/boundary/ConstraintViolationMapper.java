package org.provegateway.platform.boundary;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.provegateway.platform.control.GatewayException.FieldError;
import org.provegateway.platform.control.ProblemType;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures on request bodies and parameters: 400 naming every invalid field. The rejected value
 * is never echoed (it may be personal data).
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException failure) {
        List<FieldError> errors = failure.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .distinct()
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        var type = ProblemType.INVALID_REQUEST;
        var problem = new Problem(type.uri().toString(), type.title(), type.status(), detail,
                ProblemResponses.instance(uriInfo), null, null, errors);
        return ProblemResponses.of(problem, null);
    }

    /**
     * The JSON field path (e.g. {@code individual.addresses[0].postalCode}), without the Java method/arg prefix; for
     * a path, query or header parameter its HTTP name (e.g. {@code flowId}); for the request body itself
     * {@code body}.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> {
                    method = node.as(Path.MethodNode.class);
                    continue;
                }
                case PARAMETER -> {
                    if (method != null) {
                        httpName(violation.getRootBeanClass(), method,
                                node.as(Path.ParameterNode.class).getParameterIndex()).ifPresent(name::append);
                    }
                    continue;
                }
                case RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                default -> {
                }
            }
            // Bean Validation puts a list index on the node inside the list: it belongs to the list's name.
            if (node.isInIterable() && name.length() > 0) {
                name.append('[').append(node.getIndex() == null ? "" : node.getIndex()).append(']');
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(node.getName());
        }
        return name.length() == 0 ? "body" : name.toString();
    }

    /**
     * The name under which the caller sent a path, query or header parameter; empty for the entity. The root bean
     * may be a CDI subclass whose overriding method has no annotations, so the whole class chain is searched.
     */
    private static Optional<String> httpName(Class<?> type, Path.MethodNode method, int index) {
        Class<?>[] parameters = method.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Method declared;
            try {
                declared = c.getDeclaredMethod(method.getName(), parameters);
            } catch (NoSuchMethodException e) {
                continue;
            }
            if (index < 0 || index >= declared.getParameterCount()) {
                return Optional.empty();
            }
            for (Annotation annotation : declared.getParameterAnnotations()[index]) {
                if (annotation instanceof PathParam p) {
                    return Optional.of(p.value());
                }
                if (annotation instanceof QueryParam q) {
                    return Optional.of(q.value());
                }
                if (annotation instanceof HeaderParam h) {
                    return Optional.of(h.value());
                }
            }
        }
        return Optional.empty();
    }
}
