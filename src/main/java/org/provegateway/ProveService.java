package org.provegateway;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.provegateway.Audited.Subject;
import org.provegateway.audit.entity.AuditAction;
import org.provegateway.binding.control.BindingAdministration;
import org.provegateway.binding.control.BindingChanges;
import org.provegateway.binding.control.BindingView;
import org.provegateway.binding.control.BulkCheck;
import org.provegateway.binding.control.BulkChecks;
import org.provegateway.binding.control.ChangePage;
import org.provegateway.binding.control.KeyBindings.Lookup;
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
import org.provegateway.possession.control.PossessionView;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The gateway's service facade: everything the JAX-RS resources (web front ends, legacy apps, batch jobs) may ask
 * of Prove and of the key-binding registry. It only delegates, one class per flow or concern.
 *
 * <p>The rule: every resource reaches the gateway's components through this facade, and its methods only delegate
 * (no logic, no try/catch). Every flow step and operator revoke is audited: a step that succeeds is recorded by the
 * flow in its own transaction; a step that is refused or fails is recorded by {@link RefusalAuditor} (declared with
 * {@link Audited}), in a transaction of its own, with its problem type. Reads are not audited.
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

    @Audited(value = AuditAction.POSSESSION_START, subject = Subject.NEW_FLOW)
    public PossessionStarted startPossession(PossessionStart command) {
        return possession.start(command);
    }

    /** The stored state of a possession flow; never calls Prove, and a read is not audited. */
    public PossessionView possessionView(String flowId) {
        return possession.view(flowId);
    }

    @Audited(AuditAction.POSSESSION_RESULT)
    public PossessionView possessionResult(String flowId) {
        return possession.result(flowId);
    }

    @Audited(AuditAction.POSSESSION_BIND)
    public PossessionView bindPossession(String flowId, boolean ownPossessionCheckPassed) {
        return possession.bind(flowId, ownPossessionCheckPassed);
    }

    @Audited(value = AuditAction.IDENTITY_START, subject = Subject.NEW_FLOW)
    public IdentityStarted startIdentity(IdentityStart command) {
        return identity.start(command);
    }

    @Audited(AuditAction.IDENTITY_VALIDATE)
    public IdentityValidation validateIdentity(String flowId) {
        return identity.validate(flowId);
    }

    @Audited(AuditAction.IDENTITY_CHALLENGE)
    public IdentityChallenge challengeIdentity(String flowId, Challenge challenge) {
        return identity.challenge(flowId, challenge);
    }

    @Audited(AuditAction.IDENTITY_COMPLETE)
    public IdentityVerification completeIdentity(String flowId, Person person) {
        return identity.complete(flowId, person);
    }

    public List<BindingView> findBindings(Lookup lookup, String value) {
        return bindings.find(lookup, value);
    }

    public BindingView binding(String bindingId) {
        return bindings.get(bindingId);
    }

    @Audited(value = AuditAction.BINDING_REVOKE, subject = Subject.BINDING)
    public BindingView revokeBinding(String bindingId, String reason) {
        return bindings.revoke(bindingId, reason);
    }

    /** Reads a bulk check request (refusing it whole if it is malformed or too large); not audited. */
    public BulkCheck readBulkCheck(InputStream body) {
        return bulkChecks.read(body);
    }

    /** Streams the answer to a bulk check; not audited (a read). */
    public void answerBulkCheck(BulkCheck check, OutputStream out) {
        bulkChecks.answer(check, out);
    }

    public ChangePage bindingChanges(String after, String limit) {
        return changes.after(after, limit);
    }
}
