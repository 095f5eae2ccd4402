package org.provegateway.sandbox.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.provegateway.sandbox.flows.ClientAction;
import org.provegateway.sandbox.flows.ClientStep;
import org.provegateway.sandbox.flows.Flow;
import org.provegateway.sandbox.flows.Flows;
import org.provegateway.sandbox.platform.FieldRule;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.platform.RequestFields;
import org.provegateway.sandbox.platform.SandboxError;
import org.provegateway.sandbox.users.TestUser;
import org.provegateway.sandbox.users.TestUsers;

/**
 * {@code POST /control/client/{authToken}/{action}}: what the Prove Web SDK does in the customer's browser, given the
 * {@code authToken} of {@code /v3/unify} or {@code /v3/start}. Optional JSON body
 * {@code {"device":"label","otp":"1234","phoneNumber":"..."}}.
 *
 * <p>Answers 200 with {@code {"outcome":"passed|failed|otp_required|possession_required",...}}; 404 / 8001 for an
 * unknown action; 400 / 8008 for an unknown or expired authToken; 400 / 8007 for a {@code phoneNumber} that is no
 * test user of the flow's product; 400 / 1001 for {@code otp} without a code; 400 / 8019 for key-only authentication
 * with a revoked key; 409 / 1003 when the action is not possible now (flow final, wrong possession type, ...).
 */
@RequestScoped
@Path("control/client")
public class ClientStepsResource {

    @Inject
    Flows flows;

    @Inject
    TestUsers users;

    @POST
    @Path("{authToken}/{action}")
    public Response step(@PathParam("authToken") String authToken, @PathParam("action") String action, byte[] body) {
        ClientAction clientAction = ClientAction.fromPath(action).orElseThrow(() -> SandboxError.notFound(
                "unknown client action '" + action + "'; use key, mobile-auth, otp, instant-link or cancel"));
        RequestFields request = RequestFields.parseOptional(body);
        Optional<String> device = request.text("device", FieldRule.TEXT);
        Optional<String> otp = request.text("otp", FieldRule.TEXT);
        Optional<String> phoneNumber = request.text("phoneNumber", FieldRule.PHONE_NUMBER);
        Flow flow = flows.byAuthToken(authToken).orElseThrow(SandboxError::invalidAuthToken);
        Optional<TestUser> user = phoneNumber.map(
                number -> users.byNumber(Set.of(flow.product()), number));
        return JsonAnswer.ok(flow.clientStep(new ClientStep(clientAction, device, otp, user)).toJson());
    }
}
