package org.provegateway.proveapi.wire;

import java.util.List;

/** How one data source matched the individual; the nested objects hold match flags and scores, not the data. */
public record DataSource(
        String cipConfidence,
        List<String> reasonCodes,
        AddressMatch address,
        IdentifiersMatch identifiers,
        NameMatch name,
        EmailMatch email) {
}
