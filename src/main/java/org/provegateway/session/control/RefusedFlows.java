package org.provegateway.session.control;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

/**
 * The flows this request was refused because another caller owns them, so that a refusal is audited once however
 * often the request looks the flow up (the step, then the audit of the step's failure).
 */
@RequestScoped
public class RefusedFlows {

    private final Set<String> flowIds = new HashSet<>();

    /** @return true the first time this request is refused this flow */
    public boolean firstRefusal(String flowId) {
        return flowIds.add(flowId);
    }
}
