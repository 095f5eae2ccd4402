package org.provegateway;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.provegateway.audit.control.AuditTrail;
import org.provegateway.audit.entity.AuditAction;

import org.provegateway.binding.control.BindingAdministration;
import org.provegateway.binding.control.BindingChanges;
import org.provegateway.binding.control.BindingView;
import org.provegateway.binding.control.BulkCheck;
import org.provegateway.binding.control.BulkChecks;
import org.provegateway.binding.control.ChangePage;
import org.provegateway.binding.control.KeyBindings;
import org.provegateway.binding.control.KeyBindings.Lookup;
import org.provegateway.binding.entity.KeyBinding;
import org.provegateway.identity.control.Challenge;
import org.provegateway.identity.control.IdentityChallenge;
import org.provegateway.identity.control.IdentityFlow;
import org.provegateway.identity.control.IdentityStart;
import org.provegateway.identity.control.IdentityStarted;
import org.provegateway.identity.control.IdentityValidation;
import org.provegateway.identity.control.IdentityVerification;
import org.provegateway.identity.control.Person;
import org.provegateway.possession.control.PossessionFlow;
import org.provegateway.possession.control.PossessionStart;
import org.provegateway.possession.control.PossessionStarted;
import org.provegateway.platform.control.DatabaseFailures;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.ProblemType;
import org.provegateway.platform.control.ProveFailures;
import org.provegateway.possession.control.PossessionView;
import org.provegateway.session.control.FlowSessions;
import org.provegateway.session.entity.FlowSession;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The gateway's service facade: everything the JAX-RS resources (web front ends, legacy apps, batch jobs) may ask
 * of Prove and of the key-binding registry. It only delegates, one class per flow or concern.
 *
 * <p>Every flow step and operator revoke is audited: a step that succeeds is recorded by the flow in its own
 * transaction; a step that is refused or fails is recorded here, in a transaction of its own, with its problem type.
 */
@ApplicationScoped
public class ProveService {

    @Inject
    PossessionFlow possession;

    @Inject
    IdentityFlow identity;

    @Inject
    BindingAdministration bindings;

    @Inject
    BulkChecks bulkChecks;

    @Inject
    BindingChanges changes;

    @Inject
    AuditTrail audit;

    @Inject
    FlowSessions sessions;

    @Inject
    KeyBindings registry;

    private static final Logger LOG = Logger.getLogger(ProveService.class.getName());

    public PossessionStarted startPossession(PossessionStart command) {
        return refusalsAudited(AuditAction.POSSESSION_START, null, command.phoneNumber(),
                () -> possession.start(command));
    }

    /** The stored state of a possession flow; never calls Prove, and a read is not audited. */
    public PossessionView possessionView(String flowId) {
        return possession.view(flowId);
    }

    public PossessionView possessionResult(String flowId) {
        return refusalsAudited(AuditAction.POSSESSION_RESULT, flowId, null, () -> possession.result(flowId));
    }

    public PossessionView bindPossession(String flowId, boolean ownPossessionCheckPassed) {
        return refusalsAudited(AuditAction.POSSESSION_BIND, flowId, null,
                () -> possession.bind(flowId, ownPossessionCheckPassed));
    }

    public IdentityStarted startIdentity(IdentityStart command) {
        return refusalsAudited(AuditAction.IDENTITY_START, null, command.phoneNumber(), () -> identity.start(command));
    }

    public IdentityValidation validateIdentity(String flowId) {
        return refusalsAudited(AuditAction.IDENTITY_VALIDATE, flowId, null, () -> identity.validate(flowId));
    }

    public IdentityChallenge challengeIdentity(String flowId, Challenge challenge) {
        return refusalsAudited(AuditAction.IDENTITY_CHALLENGE, flowId, null,
                () -> identity.challenge(flowId, challenge));
    }

    public IdentityVerification completeIdentity(String flowId, Person person) {
        return refusalsAudited(AuditAction.IDENTITY_COMPLETE, flowId, null, () -> identity.complete(flowId, person));
    }

    public List<BindingView> findBindings(Lookup lookup, String value) {
        return bindings.find(lookup, value);
    }

    public BindingView binding(String bindingId) {
        return bindings.get(bindingId);
    }

    public BindingView revokeBinding(String bindingId, String reason) {
        try {
            return bindings.revoke(bindingId, reason);
        } catch (RuntimeException failure) {
            if (DatabaseFailures.unavailable(failure)) {
                throw failure; // see refusalsAudited
            }
            Optional<KeyBinding> binding = registry.find(bindingId);
            auditRefusal(AuditAction.BINDING_REVOKE, null, binding.map(KeyBinding::id).orElse(null),
                    binding.map(KeyBinding::phoneNumber).orElse(null), failure);
            throw failure;
        }
    }

    /**
     * Runs a flow step; if it is refused or fails, audits that (naming the flow only if the id is one) and rethrows.
     *
     * @param phoneNumber the number the caller sent, for steps that start a flow
     */
    private <T> T refusalsAudited(AuditAction step, String flowId, String phoneNumber, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException failure) {
            if (DatabaseFailures.unavailable(failure)) {
                // Looking the flow up and writing the audit row would each wait for the same database again (up to
                // the query timeout), pushing the 503 past its 3 s; the refusal is logged with an incident id.
                throw failure;
            }
            Optional<FlowSession> flow = flowId == null ? Optional.empty() : sessions.find(flowId);
            auditRefusal(step, flow.map(FlowSession::id).orElse(null), null,
                    flow.flatMap(FlowSession::phoneNumber).orElse(phoneNumber), failure);
            throw failure;
        }
    }

    private void auditRefusal(AuditAction step, String flowId, String bindingId, String phoneNumber,
            RuntimeException failure) {
        ProblemType type;
        if (failure instanceof GatewayException refused) {
            type = refused.type();
        } else if (failure instanceof FaultToleranceException unavailable) {
            type = ProveFailures.translate(unavailable, "", null).type();
        } else {
            type = ProblemType.INTERNAL;
        }
        try {
            audit.refused(step, flowId, bindingId, phoneNumber, type);
        } catch (RuntimeException auditFailure) {
            // The caller still gets the step's own answer; the lost audit row is logged (without personal data).
            LOG.log(Level.WARNING, "Could not audit refused step {0} ({1}): {2}",
                    new Object[] {step, type.slug(), auditFailure.getClass().getSimpleName()});
            failure.addSuppressed(auditFailure);
        }
    }

    /** Reads a bulk check request (refusing it whole if it is malformed or too large). */
    public BulkCheck readBulkCheck(InputStream body) {
        return bulkChecks.read(body);
    }

    /** Streams the answer to a bulk check. */
    public void answerBulkCheck(BulkCheck check, OutputStream out) {
        bulkChecks.answer(check, out);
    }

    public ChangePage bindingChanges(String after, String limit) {
        return changes.after(after, limit);
    }
}
