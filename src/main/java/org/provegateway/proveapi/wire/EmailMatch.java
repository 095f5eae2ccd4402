package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;

/** Whether the e-mail address matched (a boolean, not the address). */
public record EmailMatch(@JsonbTypeDeserializer(Typed.Flag.class) Boolean emailAddress) {
}
