package org.provegateway.demopage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bank's back end for the reference page: every call the page needs, turned into one gateway call with the
 * bank's own credentials. This is the one class a bank's web team replaces with its own server code; the gateway
 * calls are plain HTTP so that they read like the API reference (docs/api.md).
 *
 * <p>What the page sends is reduced to the fields a customer types (the back end, not the browser, decides the rest
 * of the gateway request: customer reference, final target URL). The gateway's answer, problems included, is passed
 * back unchanged with its status, so the page shows exactly what the gateway said.
 *
 * <p>Gateway versions: the possession outcome is read with {@code POST /possession-flows/{flowId}/result}; a gateway
 * that does not have that step yet answers 404 or 405 to it, and then {@code GET /possession-flows/{flowId}} (which on
 * such a gateway reads the outcome from Prove) is used instead.
 */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BankBackend {

    private static final Pattern FLOW_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @ConfigProperty(name = "demo-page.gateway-url")
    String gatewayUrl;

    /** {@code user:password} of a caller with the flow-runner role. */
    @Inject
    @ConfigProperty(name = "demo-page.flows-credentials")
    String flowsCredentials;

    /** {@code user:password} of a caller with the binding-reader role. */
    @Inject
    @ConfigProperty(name = "demo-page.reader-credentials")
    String readerCredentials;

    @Context
    UriInfo uri;

    /** Sign-in: starts a possession flow for the customer. */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(JsonObject input) {
        String customer = text(input, "customerReference");
        if (customer == null || !CUSTOMER.matcher(customer).matches()) {
            return badInput("customerReference: 1-64 letters, digits or '-'");
        }
        String possessionType = "desktop".equals(text(input, "possessionType")) ? "desktop" : "mobile";
        JsonObjectBuilder start = Json.createObjectBuilder()
                .add("phoneNumber", Objects.toString(text(input, "phoneNumber"), ""))
                .add("possessionType", possessionType)
                .add("customerReference", customer);
        if ("desktop".equals(possessionType)) {
            // Where Prove's Instant Link sends the customer's phone browser after the click.
            start.add("finalTargetUrl", uri.getBaseUriBuilder().replacePath("/prove-demo/").build().toString());
        }
        return call("POST", "/possession-flows", start.build().toString(), flowsCredentials);
    }

    /** The client step has finished (the Web SDK's AuthFinish): read the outcome. */
    @POST
    @Path("sign-in/{flowId}/outcome")
    public Response outcome(@PathParam("flowId") String flowId) {
        if (!FLOW_ID.matcher(flowId).matches()) {
            return badInput("flowId: not a flow id");
        }
        Response result = call("POST", "/possession-flows/" + flowId + "/result", "{}", flowsCredentials);
        if (result.getStatus() == 404 && !String.valueOf(result.getEntity()).contains("flow-not-found")
                || result.getStatus() == 405) {
            return call("GET", "/possession-flows/" + flowId, null, flowsCredentials);
        }
        return result;
    }

    /** The customer's key bindings with their history (what the bank's staff would look up). */
    @GET
    @Path("bindings")
    public Response bindings(@QueryParam("customerReference") String customer) {
        if (customer == null || !CUSTOMER.matcher(customer).matches()) {
            return badInput("customerReference: 1-64 letters, digits or '-'");
        }
        // the customer reference goes in a body, never in a URL (the gateway refuses it in a query string)
        return call("POST", "/key-bindings/search",
                Json.createObjectBuilder().add("customerReference", customer).build().toString(), readerCredentials);
    }

    /** Account opening: starts a Prove Identity flow. */
    @POST
    @Path("identity")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startIdentity(JsonObject input) {
        String flowType = "desktop".equals(text(input, "flowType")) ? "desktop" : "mobile";
        JsonObjectBuilder start = Json.createObjectBuilder()
                .add("phoneNumber", Objects.toString(text(input, "phoneNumber"), ""))
                .add("flowType", flowType);
        if ("desktop".equals(flowType)) {
            start.add("finalTargetUrl", uri.getBaseUriBuilder().replacePath("/prove-demo/").build().toString());
        }
        return call("POST", "/identity-flows", start.build().toString(), flowsCredentials);
    }

    @POST
    @Path("identity/{flowId}/validate")
    public Response validate(@PathParam("flowId") String flowId) {
        if (!FLOW_ID.matcher(flowId).matches()) {
            return badInput("flowId: not a flow id");
        }
        return call("POST", "/identity-flows/" + flowId + "/validate", null, flowsCredentials);
    }

    /** The customer's answer to a challenge (date of birth and/or SSN), when validate asked for one. */
    @POST
    @Path("identity/{flowId}/challenge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response challenge(@PathParam("flowId") String flowId, JsonObject input) {
        if (!FLOW_ID.matcher(flowId).matches()) {
            return badInput("flowId: not a flow id");
        }
        JsonObjectBuilder answer = Json.createObjectBuilder();
        copy(input, answer, "dob");
        copy(input, answer, "ssn");
        return call("POST", "/identity-flows/" + flowId + "/challenge", answer.build().toString(), flowsCredentials);
    }

    /** The individual the customer confirmed; sent on to the gateway, kept nowhere here. */
    @POST
    @Path("identity/{flowId}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response complete(@PathParam("flowId") String flowId, JsonObject input) {
        if (!FLOW_ID.matcher(flowId).matches()) {
            return badInput("flowId: not a flow id");
        }
        JsonValue individual = input.get("individual");
        if (individual == null || individual.getValueType() != JsonValue.ValueType.OBJECT) {
            return badInput("individual: an object");
        }
        return call("POST", "/identity-flows/" + flowId + "/complete",
                Json.createObjectBuilder().add("individual", individual).build().toString(), flowsCredentials);
    }

    /** One gateway call; its status and body are answered as they are. */
    private Response call(String method, String path, String body, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = answer.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON);
            return Response.status(answer.statusCode()).type(type).entity(answer.body()).build();
        } catch (IOException e) {
            return Response.status(Response.Status.BAD_GATEWAY).entity(problem("The gateway did not answer: "
                    + e.getClass().getSimpleName())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        }
    }

    private static Response badInput(String detail) {
        return Response.status(Response.Status.BAD_REQUEST).entity(problem(detail)).build();
    }

    private static String problem(String detail) {
        return Json.createObjectBuilder().add("title", "The demo page's back end refused the request")
                .add("detail", detail).build().toString();
    }

    private static String text(JsonObject input, String name) {
        JsonValue value = input == null ? null : input.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING
                ? input.getString(name).strip() : null;
    }

    private static void copy(JsonObject input, JsonObjectBuilder target, String name) {
        String value = text(input, name);
        if (value != null && !value.isEmpty()) {
            target.add(name, value);
        }
    }
}
