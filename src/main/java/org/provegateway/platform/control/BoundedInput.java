package org.provegateway.platform.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * An input stream that counts what is read through it and throws the given refusal once more than {@code max}
 * bytes have come through, so that a hostile or mistaken client can never make the gateway read (or a parser
 * buffer) more than the limit. Used for every request body and, with its own limit, the bulk check's.
 */
public final class BoundedInput extends FilterInputStream {

    private final long max;
    private final Supplier<? extends RuntimeException> refusal;
    private long count;

    public BoundedInput(InputStream in, long max, Supplier<? extends RuntimeException> refusal) {
        super(in);
        this.max = max;
        this.refusal = refusal;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        count += n;
        if (count > max) {
            throw refusal.get();
        }
    }
}
