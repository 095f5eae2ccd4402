package org.provegateway.platform.control;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Warns at start-up when no host is allowed for {@code finalTargetUrl}: the gateway then lets a caller send
 * customers' browsers to any https site, which a production gateway should not.
 */
@ApplicationScoped
public class TargetUrlPolicyWarning {

    private static final Logger LOG = Logger.getLogger(TargetUrlPolicyWarning.class.getName());

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (TargetUrls.Policy.configured().allowedHosts().isEmpty()) {
            LOG.warning(() -> TargetUrls.ALLOWED_HOSTS_KEY + " is empty: finalTargetUrl may name any https host. "
                    + "Set it to the hosts of the bank's landing pages (see docs/configuration.md).");
        }
    }
}
