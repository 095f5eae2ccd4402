package org.provegateway;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.provegateway.audit.control.AuditTrail;
import org.provegateway.audit.control.CallerNumber;
import org.provegateway.audit.entity.AuditAction;
import org.provegateway.binding.control.KeyBindings;
import org.provegateway.binding.entity.KeyBinding;
import org.provegateway.platform.control.DatabaseFailures;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.ProblemType;
import org.provegateway.session.control.FlowSessions;
import org.provegateway.session.entity.FlowSession;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Audits a refused or failed {@link Audited} step, in a transaction of its own, with its problem type, naming the
 * flow or binding only if the id is one, and rethrows; a failure that concerns a known flow is rethrown naming it, so
 * that every problem of a flow step carries its {@code flowId}.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RefusalAuditor {

    private static final Logger LOG = Logger.getLogger(RefusalAuditor.class.getName());

    @Inject
    AuditTrail audit;

    @Inject
    FlowSessions sessions;

    @Inject
    KeyBindings registry;

    @AroundInvoke
    Object auditRefusals(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (RuntimeException failure) {
            Audited step = call.getMethod().getAnnotation(Audited.class);
            if (step == null || DatabaseFailures.unavailable(failure)) {
                // Looking the flow up and writing the audit row would each wait for the same database again (up to
                // the query timeout), pushing the 503 past its 3 s; the refusal is logged with an incident id.
                throw failure;
            }
            throw refused(step, call.getParameters()[0], failure);
        }
    }

    private RuntimeException refused(Audited step, Object subject, RuntimeException failure) {
        String flowId = null;
        String bindingId = null;
        String phoneNumber = null;
        switch (step.subject()) {
            case FLOW -> {
                Optional<FlowSession> flow = sessions.find((String) subject);
                flowId = flow.map(FlowSession::id).orElse(null);
                phoneNumber = flow.flatMap(FlowSession::phoneNumber).orElse(null);
            }
            case NEW_FLOW -> phoneNumber = ((CallerNumber) subject).phoneNumber();
            case BINDING -> {
                Optional<KeyBinding> binding = registry.find((String) subject);
                bindingId = binding.map(KeyBinding::id).orElse(null);
                phoneNumber = binding.map(KeyBinding::phoneNumber).orElse(null);
            }
        }
        RuntimeException answered = failure;
        if (flowId != null && failure instanceof GatewayException refused && refused.flowId().isEmpty()) {
            answered = refused.forFlow(flowId);
        }
        record(step.value(), flowId, bindingId, phoneNumber, answered);
        return answered;
    }

    private void record(AuditAction action, String flowId, String bindingId, String phoneNumber,
            RuntimeException failure) {
        ProblemType type = failure instanceof GatewayException refused ? refused.type() : ProblemType.INTERNAL;
        try {
            audit.refused(action, flowId, bindingId, phoneNumber, type);
        } catch (RuntimeException auditFailure) {
            // The caller still gets the step's own answer; the lost audit row is logged (without personal data).
            LOG.log(Level.WARNING, "Could not audit refused step {0} ({1}): {2}",
                    new Object[] {action, type.slug(), auditFailure.getClass().getSimpleName()});
            failure.addSuppressed(auditFailure);
        }
    }
}
