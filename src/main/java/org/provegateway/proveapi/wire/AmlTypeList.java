package org.provegateway.proveapi.wire;

import java.util.List;

/** Hits on one AML list type. */
public record AmlTypeList(String amlType, Long listHits, List<AmlField> fields) {
}
