package org.provegateway.binding.control;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.provegateway.binding.control.KeyBindings.Lookup;
import org.provegateway.binding.entity.KeyBinding;
import org.provegateway.platform.control.BoundedInput;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.PhoneNumbers;
import org.provegateway.platform.control.ProblemType;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;

/**
 * The bulk check: the binding state of up to {@code bindings.bulk-check.max-items} phone numbers or customer
 * references in one request, answered one result per item, in the items' order.
 *
 * <p>Memory: the request is read with a streaming parser into a list of strings (bounded by the item limit, and its
 * bytes by {@link #MAX_BYTES_PER_ITEM} per item); the answer is never built: items are looked up
 * {@code bindings.bulk-check.chunk-size} at a time, each chunk in one {@code IN} query in its own transaction, and its
 * results are written to the response and flushed before the next chunk is read. So the gateway holds one chunk's
 * bindings at a time, whatever the number of items.
 *
 * <p>The whole request is read before anything is answered, so that a request over the limit or not valid JSON is
 * refused with a problem (413 or 400) instead of a half-written answer. An item that is not a usable phone number or
 * customer reference does not fail the batch: its result has state {@code invalid} and an {@code error}. A database
 * failure in the middle of the answer can no longer become a problem (the status is sent): the answer then ends
 * early as incomplete JSON, which callers treat as a failed request.
 */
@ApplicationScoped
public class BulkChecks {

    /** Request bytes allowed per item: a phone number or reference (at most 64 characters) with quotes and commas. */
    static final int MAX_BYTES_PER_ITEM = 256;

    private static final Logger LOG = Logger.getLogger(BulkChecks.class.getName());
    private static final String PHONE_NUMBERS = "phoneNumbers";
    private static final String CUSTOMER_REFERENCES = "customerReferences";
    /**
     * A customer reference as every other endpoint takes it (the flows' {@code customerReference}, the registry's
     * lookups): 1 to 64 of {@code A-Z a-z 0-9 . _ : -}, as given (no trimming).
     */
    private static final Pattern CUSTOMER_REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    @Inject
    KeyBindings bindings;

    @Inject
    PhoneNumbers phones;

    @Inject
    BindingConfig config;

    @Inject
    Clock clock;

    /**
     * Reads {@code {"phoneNumbers": [...]}} or {@code {"customerReferences": [...]}}.
     *
     * @throws GatewayException 400 if the body is not such an object, 413 if it has more items than allowed
     */
    public BulkCheck read(InputStream body) {
        int max = config.bulkCheckMaxItems();
        Lookup lookup = null;
        List<String> items = new ArrayList<>();
        long limit = (long) max * MAX_BYTES_PER_ITEM + 1024;
        // Refused as too large once it passes the limit, before the parser buffers it all.
        try (JsonParser parser = PARSERS.createParser(new BoundedInput(body, limit,
                () -> new GatewayException(ProblemType.PAYLOAD_TOO_LARGE,
                        "body: a bulk check may have at most " + limit + " bytes")))) {
            expect(parser, Event.START_OBJECT);
            for (Event event = next(parser); event != Event.END_OBJECT; event = next(parser)) {
                String field = parser.getString();
                Lookup named = switch (field) {
                    case PHONE_NUMBERS -> Lookup.PHONE_NUMBER;
                    case CUSTOMER_REFERENCES -> Lookup.CUSTOMER_REF;
                    default -> throw GatewayException.invalidField("body",
                            "only " + PHONE_NUMBERS + " or " + CUSTOMER_REFERENCES + " may be given");
                };
                if (lookup != null) {
                    throw GatewayException.invalidField("body",
                            "give exactly one of " + PHONE_NUMBERS + ", " + CUSTOMER_REFERENCES);
                }
                lookup = named;
                expect(parser, Event.START_ARRAY);
                readItems(parser, field, items, max);
            }
            if (parser.hasNext()) {
                throw GatewayException.invalidField("body", "has content after the JSON object");
            }
        } catch (JsonException e) {
            throw refusal(e);
        } catch (NoSuchElementException | IllegalStateException e) {
            throw GatewayException.invalidField("body", "is not valid JSON");
        }
        if (lookup == null) {
            throw GatewayException.invalidField("body",
                    "give exactly one of " + PHONE_NUMBERS + ", " + CUSTOMER_REFERENCES);
        }
        return new BulkCheck(lookup, items);
    }

    /** Writes the answer: {@code {"lookup": ..., "results": [...], "count": n}}, chunk by chunk. */
    public void answer(BulkCheck check, OutputStream out) {
        Instant now = clock.instant();
        int chunkSize = config.bulkCheckChunkSize();
        String field = check.lookup() == Lookup.PHONE_NUMBER ? "phoneNumber" : "customerReference";
        try (JsonGenerator json = GENERATORS.createGenerator(out)) {
            json.writeStartObject().write("lookup", field).writeStartArray("results");
            List<String> items = check.items();
            for (int start = 0; start < items.size(); start += chunkSize) {
                List<String> chunk = items.subList(start, Math.min(items.size(), start + chunkSize));
                List<Item> parsed = chunk.stream().map(raw -> parse(check.lookup(), raw)).toList();
                Set<String> keys = new LinkedHashSet<>();
                parsed.forEach(item -> item.key().ifPresent(keys::add));
                Map<String, List<KeyBinding>> found = new HashMap<>();
                for (KeyBinding binding : bindings.findByAny(check.lookup(), keys)) {
                    key(check.lookup(), binding).ifPresent(
                            key -> found.computeIfAbsent(key, k -> new ArrayList<>()).add(binding));
                }
                for (int i = 0; i < parsed.size(); i++) {
                    write(json, start + i, field, parsed.get(i), found, now);
                }
                json.flush();
            }
            json.writeEnd().write("count", items.size()).writeEnd();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Bulk check of " + check.items().size() + " items ended early: " + e.getClass().getName());
            throw e;
        }
    }

    private static void write(JsonGenerator json, int index, String field, Item item,
            Map<String, List<KeyBinding>> found, Instant now) {
        json.writeStartObject().write("index", index);
        if (item.key().isEmpty()) {
            json.write("state", BindingStatus.INVALID.label()).write("error", item.error());
        } else {
            String key = item.key().get();
            json.write(field, key);
            Optional<KeyBinding> decisive = BindingStatus.decisive(found.getOrDefault(key, List.of()), now);
            if (decisive.isEmpty()) {
                json.write("state", BindingStatus.NONE.label());
            } else {
                KeyBinding binding = decisive.get();
                json.write("state", BindingStatus.of(binding, now).label()).write("bindingId", binding.id())
                        .write("deviceId", binding.deviceId())
                        .write("lastUsedAt", binding.lastUsedAt().toString())
                        .write("stateChangedAt", binding.stateChangedAt().toString());
            }
        }
        json.writeEnd();
    }

    private Item parse(Lookup lookup, String raw) {
        if (raw == null) {
            return Item.invalid("must be a string");
        }
        if (lookup == Lookup.PHONE_NUMBER) {
            try {
                return Item.of(phones.normalise("phoneNumber", raw));
            } catch (GatewayException e) {
                return Item.invalid(e.fieldErrors().isEmpty() ? e.getMessage() : e.fieldErrors().get(0).message());
            }
        }
        return CUSTOMER_REFERENCE.matcher(raw).matches() ? Item.of(raw)
                : Item.invalid("must be 1 to 64 characters, only letters, digits and . _ : -");
    }

    private static Optional<String> key(Lookup lookup, KeyBinding binding) {
        return lookup == Lookup.PHONE_NUMBER ? Optional.of(binding.phoneNumber()) : binding.customerRef();
    }

    private static void readItems(JsonParser parser, String field, List<String> items, int max) {
        for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
            switch (event) {
                case VALUE_STRING -> items.add(parser.getString());
                case START_OBJECT -> {
                    parser.skipObject();
                    items.add(null);
                }
                case START_ARRAY -> {
                    parser.skipArray();
                    items.add(null);
                }
                default -> items.add(null);
            }
            if (items.size() > max) {
                throw new GatewayException(ProblemType.PAYLOAD_TOO_LARGE,
                        field + ": at most " + max + " items per bulk check");
            }
        }
    }

    private static Event next(JsonParser parser) {
        Event event = parser.next();
        if (event != Event.KEY_NAME && event != Event.END_OBJECT) {
            throw GatewayException.invalidField("body", "must be a JSON object");
        }
        return event;
    }

    private static void expect(JsonParser parser, Event expected) {
        if (!parser.hasNext() || parser.next() != expected) {
            throw GatewayException.invalidField("body", expected == Event.START_ARRAY
                    ? "must hold an array of strings" : "must be a JSON object");
        }
    }

    /** A parse failure, or the size refusal of {@link BoundedInput} wrapped by the parser. */
    private static GatewayException refusal(JsonException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof GatewayException refused) {
                return refused;
            }
        }
        return GatewayException.invalidField("body", "is not valid JSON");
    }

    /** One item: its normalised key, or why it is invalid. */
    private record Item(Optional<String> key, String error) {

        static Item of(String key) {
            return new Item(Optional.of(key), null);
        }

        static Item invalid(String error) {
            return new Item(Optional.empty(), error);
        }
    }
}
