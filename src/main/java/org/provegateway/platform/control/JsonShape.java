package org.provegateway.platform.control;

import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;

/**
 * Strict reading of a JSON request body against the record it binds to, before JSON-B sees it. JSON-B (Yasson) is
 * lenient where a gateway in front of Prove must not be: it ignores unknown members, turns {@code 123} or
 * {@code true} into the string {@code "123"}/{@code "true"}, keeps the last of two members with the same name, and
 * passes control characters through. Here every one of those is a refusal naming the field:
 * <ul>
 * <li>the body is UTF-8 (RFC 8259), well-formed, one JSON object, nothing after it;</li>
 * <li>every member is a component of the record (unknown members, e.g. a misspelt {@code phonenumber} that would
 * silently be dropped, are refused) and appears once (two values for one name are read differently by different
 * parsers: refused rather than guessed);</li>
 * <li>every value has the component's JSON type: string for {@code String}, {@code true}/{@code false} for
 * {@code Boolean}, array for {@code List}, object for a nested record; {@code null} stands for "absent";</li>
 * <li>no string holds a control character other than tab, line feed or carriage return, a lone UTF-16 surrogate,
 * or a bidirectional-override character (text that displays differently from what it is).</li>
 * </ul>
 * Length and character rules of each field stay with Bean Validation on the records. Messages name the field, never
 * its value; an unknown member's name is shown only when it is a plain identifier (it is caller-controlled text).
 */
public final class JsonShape {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final String BODY = "body";

    private JsonShape() {
    }

    /**
     * @param body the raw request body
     * @param type the record the body binds to
     * @throws GatewayException invalid request naming the first offending field
     */
    public static void check(byte[] body, Class<?> type) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw GatewayException.invalidField(BODY, "is required: send a JSON object");
        }
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            Event first = parser.next();
            if (first != Event.START_OBJECT) {
                throw GatewayException.invalidField(BODY, "must be a JSON object");
            }
            object(parser, type, "");
            if (parser.hasNext()) {
                throw GatewayException.invalidField(BODY, "must hold one JSON object and nothing after it");
            }
        } catch (JsonParsingException e) {
            throw GatewayException.invalidField(BODY, "is not well-formed JSON" + where(e.getLocation()));
        } catch (JsonException | java.util.NoSuchElementException e) {
            throw GatewayException.invalidField(BODY, "is not well-formed JSON");
        }
    }

    private static void object(JsonParser parser, Class<?> type, String path) {
        Map<String, Type> members = members(type);
        Set<String> seen = new HashSet<>();
        for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            Type memberType = members.get(name);
            if (memberType == null) {
                if (PLAIN_NAME.matcher(name).matches()) {
                    throw GatewayException.invalidField(join(path, name), "is not a field of this request");
                }
                throw GatewayException.invalidField(path.isEmpty() ? BODY : path,
                        "has a member whose name is not a field of this request");
            }
            String field = join(path, name);
            if (!seen.add(name)) {
                throw GatewayException.invalidField(field, "appears more than once");
            }
            value(parser, parser.next(), memberType, field);
        }
    }

    private static void value(JsonParser parser, Event event, Type type, String field) {
        if (event == Event.VALUE_NULL) {
            if (type instanceof Class<?> c && c.isPrimitive()) {
                throw GatewayException.invalidField(field, "must not be null");
            }
            return;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            if (event != Event.VALUE_STRING) {
                throw GatewayException.invalidField(field, "must be a string");
            }
            text(parser.getString(), field);
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (event != Event.VALUE_TRUE && event != Event.VALUE_FALSE) {
                throw GatewayException.invalidField(field, "must be true or false");
            }
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            if (event != Event.VALUE_NUMBER || !parser.isIntegralNumber()) {
                throw GatewayException.invalidField(field, "must be an integer");
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (event != Event.START_ARRAY) {
                throw GatewayException.invalidField(field, "must be an array");
            }
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            int index = 0;
            for (Event item = parser.next(); item != Event.END_ARRAY; item = parser.next()) {
                value(parser, item, element, field + "[" + index++ + "]");
            }
        } else if (raw.isRecord()) {
            if (event != Event.START_OBJECT) {
                throw GatewayException.invalidField(field, "must be an object");
            }
            object(parser, raw, field);
        } else {
            throw new IllegalStateException("JsonShape has no rule for " + raw.getName() + " (" + field + ")");
        }
    }

    /** No control characters (but tab, LF, CR), no lone surrogates, no bidirectional overrides or isolates. */
    static void text(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw GatewayException.invalidField(field, "must not contain an unpaired surrogate (not Unicode text)");
            }
            boolean control = Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
            boolean bidi = c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
            if (control || bidi || c == '\uFFFE' || c == '\uFFFF') {
                throw GatewayException.invalidField(field, "must not contain control characters");
            }
        }
    }

    private static Map<String, Type> members(Class<?> type) {
        Map<String, Type> members = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            members.put(name, component.getGenericType());
        }
        return members;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw GatewayException.invalidField(BODY, "must be UTF-8 encoded JSON");
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNumber() < 0 ? ""
                : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }
}
