package org.provegateway.binding.control;

import java.util.Collections;
import java.util.List;

import org.provegateway.binding.control.KeyBindings.Lookup;

/**
 * A bulk check as read from the request: which identifier ({@link Lookup#PHONE_NUMBER} or
 * {@link Lookup#CUSTOMER_REF}) and the items as the caller sent them, in order ({@code null} where an item was not a
 * string; it is answered as invalid).
 */
public record BulkCheck(Lookup lookup, List<String> items) {

    public BulkCheck {
        items = Collections.unmodifiableList(items);
    }
}
