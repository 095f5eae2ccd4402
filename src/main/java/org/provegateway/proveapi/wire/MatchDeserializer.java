package org.provegateway.proveapi.wire;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a {@link Match} from a JSON boolean, number or string. */
public class MatchDeserializer implements JsonbDeserializer<Match> {

    /** Verdict words that may be passed on; any other text could be a value (a name, a city) and is dropped. */
    private static final Set<String> WORDS = Set.of(Match.MATCH, Match.MISMATCH, "partial", "partial_match",
            "no_match", "nomatch", "not_found", "unavailable", "not_checked", "unknown");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,9}(\\.[0-9]{1,6})?");

    @Override
    public Match deserialize(JsonParser parser, DeserializationContext context, Type type) {
        return of(parser.getValue());
    }

    static Match of(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE -> new Match(Match.MATCH);
            case FALSE -> new Match(Match.MISMATCH);
            case NUMBER -> number(((JsonNumber) value).toString());
            case STRING -> text(((JsonString) value).getString().strip());
            case NULL -> null;
            default -> new Match(Match.UNRECOGNISED);
        };
    }

    private static Match text(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if ("true".equals(lower)) {
            return new Match(Match.MATCH);
        }
        if ("false".equals(lower)) {
            return new Match(Match.MISMATCH);
        }
        if (WORDS.contains(lower)) {
            return new Match(lower);
        }
        return number(text);
    }

    private static Match number(String text) {
        return new Match(NUMBER.matcher(text).matches() ? text : Match.UNRECOGNISED);
    }
}
