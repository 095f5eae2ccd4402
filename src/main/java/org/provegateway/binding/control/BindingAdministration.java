package org.provegateway.binding.control;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;


import org.provegateway.binding.control.KeyBindings.Lookup;
import org.provegateway.binding.entity.KeyBinding;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.PhoneNumbers;
import org.provegateway.platform.control.ProblemType;
import org.provegateway.proveapi.Prove;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Looking bindings up, and an operator revoking one (at Prove first, then in the registry). */
@ApplicationScoped
public class BindingAdministration {

    private static final Logger LOG = Logger.getLogger(BindingAdministration.class.getName());

    @Inject
    KeyBindings bindings;

    @Inject
    Prove prove;

    @Inject
    PhoneNumbers phones;

    @Inject
    Clock clock;

    public List<BindingView> find(Lookup lookup, String value) {
        String key = lookup == Lookup.PHONE_NUMBER ? phones.normalise("phoneNumber", value) : value;
        return bindings.findBy(lookup, key).stream().map(this::view).toList();
    }

    public BindingView get(String bindingId) {
        return view(existing(bindingId));
    }

    /**
     * Revokes the binding's Prove Key at Prove ({@code /v3/device/revoke}), then records it as revoked. Revoking a
     * binding that is no longer live changes nothing and calls nobody.
     */
    public BindingView revoke(String bindingId, String reason) {
        KeyBinding binding = existing(bindingId);
        if (!binding.isLive()) {
            return view(binding);
        }
        // false: Prove no longer knows the device; its key cannot authenticate either way
        prove.revokeDevice(binding.deviceId());
        bindings.revoke(binding.deviceId(), null, "revoked by operator" + (reason == null ? "" : ": " + reason),
                clock.instant());
        LOG.info(() -> "Revoked key binding " + bindingId + " of " + PhoneNumbers.mask(binding.phoneNumber()));
        return get(bindingId);
    }

    private KeyBinding existing(String bindingId) {
        return bindings.find(bindingId).orElseThrow(
                () -> new GatewayException(ProblemType.BINDING_NOT_FOUND, "No key binding with this id"));
    }

    private BindingView view(KeyBinding binding) {
        var history = bindings.history(binding.id()).stream()
                .map(e -> new BindingView.Event(e.event().name(), e.occurredAt(), e.flowId().orElse(null),
                        e.detail().orElse(null)))
                .toList();
        return new BindingView(binding.id(), binding.deviceId(), binding.phoneNumber(),
                binding.proveId().orElse(null), binding.customerRef().orElse(null), binding.state().name(),
                binding.boundAt(), binding.lastUsedAt(), binding.stateChangedAt(),
                binding.isDueForDeactivation(clock.instant()), history);
    }
}
