package org.provegateway.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.provegateway.binding.entity.BindingEventType;

class AuditActionTest {

    /** KeyBindings audits every history event but USED: a new event type needs its audit action, or steps fail. */
    @Test
    void everyBindingChangeHasAnAuditAction() {
        Arrays.stream(BindingEventType.values()).filter(type -> type != BindingEventType.USED)
                .forEach(type -> assertThat(AuditAction.bindingChange(type.name()).name())
                        .isEqualTo("BINDING_" + type.name()));
    }
}
