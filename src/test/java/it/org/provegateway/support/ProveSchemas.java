package it.org.provegateway.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * A client's view of Prove's answers: the JSON Schemas in {@code src/test/resources/prove-schemas} (one per answer,
 * written from Prove's published SDK models), checked with networknt's validator, the way a client generated from
 * those models rejects an answer that carries a word where a boolean or a number belongs.
 */
public final class ProveSchemas {

    /** The answers there is a schema for, by the file name without {@code .json}. */
    public static final List<String> ANSWERS = List.of("token", "error", "v3-unify", "v3-unify-status",
            "v3-unify-bind", "v3-device-revoke", "v3-start", "v3-validate", "v3-challenge", "v3-complete");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ProveSchemas() {
    }

    /** What is wrong with one answer, as the validator words it; empty when the answer has Prove's shape. */
    public static List<String> problems(String answer, String json) {
        if (!ANSWERS.contains(answer)) {
            throw new IllegalArgumentException("no schema for " + answer);
        }
        Schema schema = SCHEMAS.computeIfAbsent(answer,
                name -> REGISTRY.getSchema(SchemaLocation.of("classpath:prove-schemas/" + name + ".json")));
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
