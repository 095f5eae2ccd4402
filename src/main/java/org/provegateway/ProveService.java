package org.provegateway;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.provegateway.binding.control.BindingAdministration;
import org.provegateway.binding.control.BindingChanges;
import org.provegateway.binding.control.BindingView;
import org.provegateway.binding.control.BulkCheck;
import org.provegateway.binding.control.BulkChecks;
import org.provegateway.binding.control.ChangePage;
import org.provegateway.binding.control.KeyBindings.Lookup;
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

    public PossessionStarted startPossession(PossessionStart command) {
        return possession.start(command);
    }

    public PossessionView possessionStatus(String flowId) {
        return possession.status(flowId);
    }

    public PossessionView bindPossession(String flowId, boolean ownPossessionCheckPassed) {
        return possession.bind(flowId, ownPossessionCheckPassed);
    }

    public IdentityStarted startIdentity(IdentityStart command) {
        return identity.start(command);
    }

    public IdentityValidation validateIdentity(String flowId) {
        return identity.validate(flowId);
    }

    public IdentityVerification completeIdentity(String flowId, Person person) {
        return identity.complete(flowId, person);
    }

    public List<BindingView> findBindings(Lookup lookup, String value) {
        return bindings.find(lookup, value);
    }

    public BindingView binding(String bindingId) {
        return bindings.get(bindingId);
    }

    public BindingView revokeBinding(String bindingId, String reason) {
        return bindings.revoke(bindingId, reason);
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
