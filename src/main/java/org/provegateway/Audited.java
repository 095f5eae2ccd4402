package org.provegateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.provegateway.audit.entity.AuditAction;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A {@link ProveService} step whose refusal or failure is audited ({@link RefusalAuditor}) with the step's
 * {@link #value() action} and problem type. A step that succeeds is audited by its flow, in its own transaction.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    @Nonbinding
    AuditAction value() default AuditAction.POSSESSION_START;

    /** What the step's first parameter is. */
    @Nonbinding
    Subject subject() default Subject.FLOW;

    enum Subject {
        /** A flow id: the refusal names the flow (if it is one) and its phone number. */
        FLOW,
        /** A command starting a flow ({@link org.provegateway.audit.control.CallerNumber}): no flow yet. */
        NEW_FLOW,
        /** A key-binding id. */
        BINDING
    }
}
