package org.provegateway.sandbox.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.users.TestUser;
import org.provegateway.sandbox.users.TestUsers;

/**
 * {@code GET /control/users}: the test users and their simulated behaviour (no identity data beyond the name).
 */
@RequestScoped
@Path("control/users")
public class UsersResource {

    @Inject
    TestUsers users;

    @GET
    public Response all() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (TestUser user : users.all()) {
            list.add(JsonAnswer.object()
                    .add("phoneNumber", user.number())
                    .add("name", user.fullName())
                    .add("product", user.product().name().toLowerCase(Locale.ROOT))
                    .add("proveId", user.proveId())
                    .add("shortTerm", user.shortTerm())
                    .add("possessionPasses", user.possessionPasses())
                    .add("mobileAuth", user.mobileAuth().name().toLowerCase(Locale.ROOT))
                    .add("reputationRisk", user.reputationRisk())
                    .add("revokesFirstKey", user.revokesFirstKey())
                    .build());
        }
        return JsonAnswer.ok(list.build());
    }
}
