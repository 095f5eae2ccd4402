package org.provegateway.sandbox.flows;

import java.util.Optional;
import org.provegateway.sandbox.users.TestUser;

/**
 * One client-step request.
 *
 * @param device the simulated device label, if given in the body
 * @param otp    the code typed by the customer ({@code otp} action)
 * @param user   the test user named by {@code phoneNumber} in the body; used only when the flow has no number yet
 *               (Mobile Auth discovery, or OTP fallback asking for the number)
 */
public record ClientStep(ClientAction action, Optional<String> device, Optional<String> otp, Optional<TestUser> user) {
}
