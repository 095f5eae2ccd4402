package org.provegateway.proveapi.wire;

import java.util.List;

/** Know-your-customer (AML watch list) result of {@code /v3/complete}. */
public record Kyc(Long totalHits, List<AmlTypeList> amlTypeLists) {
}
