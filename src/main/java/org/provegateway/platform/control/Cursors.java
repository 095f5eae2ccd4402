package org.provegateway.platform.control;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Signs and opens the gateway's cursors with the installation's {@value #SECRET} secret ({@link CursorSigner}). */
@ApplicationScoped
public class Cursors {

    static final String SECRET = "cursor-signing";

    @Inject
    InstallationSecrets secrets;

    private volatile CursorSigner signer;

    public String sign(String kind, long position) {
        return signer().sign(kind, position);
    }

    /** The position of a cursor of this kind that this installation issued; empty for anything else. */
    public Optional<Long> open(String kind, String cursor) {
        return signer().open(kind, cursor);
    }

    private CursorSigner signer() {
        CursorSigner current = signer;
        if (current == null) {
            // Two threads may both load it once; both get the same secret from the database.
            current = new CursorSigner(secrets.get(SECRET));
            signer = current;
        }
        return current;
    }
}
