package org.provegateway.idempotency.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.provegateway.idempotency.entity.IdempotencyRecord;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.ProblemType;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;

/**
 * {@code Idempotency-Key}: the first request with a key runs and its answer is recorded; a repeat with the same
 * key and the same request gets that answer back; the same key with another request is refused (422). Keys belong
 * to a caller scope, so two callers never see each other's answers.
 *
 * <p>A repeat that arrives while the first request is still running waits for it, up to {@code idempotency.wait},
 * then gets a 409 {@code request-in-progress}. On one node the waiters park on the first request's future and wake
 * the moment it is answered, and only one of them at a time touches the database; across nodes the database's
 * unique key decides who runs, and the others re-read the record every {@value #POLL_MILLIS} ms.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** Scope of requests without an authenticated caller. */
    public static final String ANONYMOUS = "anonymous";

    /** Printable ASCII without spaces, up to 128 characters: a UUID fits, as the IETF draft suggests. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    static final long POLL_MILLIS = 250;
    private static final int SCOPE_LENGTH = 128;
    /** Column sizes of {@code idempotency_record}. */
    private static final int MAX_BODY = 16_000;
    private static final int MAX_LOCATION = 500;

    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class.getName());

    @Inject
    IdempotencyRecords records;

    @Inject
    IdempotencyConfig config;

    @Inject
    Clock clock;

    /** First requests running on this node, by scope and key; their futures complete when they are answered. */
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /** What a request with an {@code Idempotency-Key} is to do. */
    public sealed interface Claim {
    }

    /** Run the request, then {@link #finish} or {@link #abandon} this claim. */
    public record Owner(String recordId, String localKey, CompletableFuture<Void> done, AnswerSeal seal)
            implements Claim {
    }

    /** Answer with the first request's answer, without running anything. */
    public record Replay(int status, Optional<String> mediaType, Optional<String> location, Optional<String> body)
            implements Claim {
    }

    private record Running(CompletableFuture<Void> done, long startedNanos) {
    }

    /**
     * @param scope the authenticated caller's name, or {@link #ANONYMOUS}
     * @param fingerprint identifies the request (method, path, body), see {@link #fingerprint}
     * @throws GatewayException 400 for a malformed key, 422 when the key was used for another request, 409 when the
     *         first request is still running after the wait
     */
    public Claim claim(String scope, String key, String fingerprint) {
        if (!KEY.matcher(key).matches()) {
            throw GatewayException.invalidField("Idempotency-Key",
                    "must be 1 to 128 printable ASCII characters without spaces, e.g. a UUID");
        }
        String callerScope = scope.length() > SCOPE_LENGTH ? fingerprint(scope, "", new byte[0]) : scope;
        String localKey = callerScope + '\n' + key;
        // The database sees only a digest of the key and the answer sealed under the key (see AnswerSeal).
        String storedKey = AnswerSeal.lookupKey(key);
        AnswerSeal seal = new AnswerSeal(callerScope, key);
        long deadline = System.nanoTime() + config.waitLimit().toNanos();
        while (true) {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            Running other = running.putIfAbsent(localKey, new Running(mine, System.nanoTime()));
            if (other != null) {
                if (System.nanoTime() - other.startedNanos() > config.lease().toNanos()) {
                    running.remove(localKey, other); // its request never finished: it gave up the key
                    continue;
                }
                await(other.done(), deadline);
                continue;
            }
            boolean keep = false;
            try {
                Instant now = clock.instant();
                Optional<IdempotencyRecord> found = records.find(callerScope, storedKey);
                if (found.isPresent() && found.get().isExpired(now)) {
                    records.deleteIfExpired(found.get().id(), now);
                    found = Optional.empty();
                }
                if (found.isEmpty()) {
                    Optional<IdempotencyRecord> inserted = tryInsert(
                            new IdempotencyRecord(callerScope, storedKey, fingerprint, now, now.plus(config.lease())));
                    if (inserted.isPresent()) {
                        keep = true;
                        return new Owner(inserted.get().id(), localKey, mine, seal);
                    }
                } else {
                    IdempotencyRecord record = found.get();
                    if (!record.sameRequest(fingerprint)) {
                        throw new GatewayException(ProblemType.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was "
                                + "used for a different request (method, path or body); use a new key");
                    }
                    if (record.isDone()) {
                        return new Replay(record.status(), record.mediaType(), record.location(),
                                record.body().map(seal::open));
                    }
                }
            } finally {
                if (!keep) {
                    release(localKey, mine);
                }
            }
            // running on another node (or the insert lost a race): look again shortly
            await(new CompletableFuture<>(), Math.min(deadline,
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), deadline);
        }
    }

    /** The owner's request was answered: keep the answer for repeats. */
    public void finish(Owner owner, int status, String mediaType, String location, String answer) {
        String body = answer == null ? null : owner.seal().seal(answer);
        if (body != null && body.length() > MAX_BODY || location != null && location.length() > MAX_LOCATION) {
            LOG.warning(() -> "Answer too large to keep for Idempotency-Key repeats (" + answer.length()
                    + " characters); the key is freed instead");
            abandon(owner);
            return;
        }
        try {
            records.finish(owner.recordId(), status, mediaType, location, body, clock.instant().plus(config.ttl()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not keep an answer for Idempotency-Key repeats: "
                    + e.getClass().getSimpleName());
            abandon(owner);
        } finally {
            release(owner.localKey(), owner.done());
        }
    }

    /**
     * The owner's request failed in a way worth repeating (Prove unavailable, a timeout, an internal error): the
     * key is freed, so the next request with it runs again.
     */
    public void abandon(Owner owner) {
        try {
            records.delete(owner.recordId());
        } catch (RuntimeException e) {
            // the record then holds the key until its lease ends
            LOG.log(Level.WARNING, "Could not free an Idempotency-Key record: " + e.getClass().getSimpleName());
        } finally {
            release(owner.localKey(), owner.done());
        }
    }

    /** SHA-256 over the method, the path and the body: what makes two requests "the same request". */
    public static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Optional<IdempotencyRecord> tryInsert(IdempotencyRecord record) {
        try {
            return records.insert(record) ? Optional.of(record) : Optional.empty();
        } catch (PersistenceException | TransactionalException e) {
            // a database without ON CONFLICT reports the lost race as a failed insert
            if (records.find(record.callerScope(), record.key()).isEmpty()) {
                throw e; // not a lost race: the database failed
            }
            return Optional.empty(); // another request inserted the same key first
        }
    }

    private void release(String localKey, CompletableFuture<Void> done) {
        running.computeIfPresent(localKey, (k, current) -> current.done() == done ? null : current);
        done.complete(null);
    }

    private static void await(CompletableFuture<Void> done, long deadline) {
        await(done, deadline, deadline);
    }

    private static void await(CompletableFuture<Void> done, long until, long deadline) {
        long left = until - System.nanoTime();
        if (left <= 0 && deadline - System.nanoTime() <= 0) {
            throw GatewayException.retryLater(ProblemType.REQUEST_IN_PROGRESS, "A request with this "
                    + "Idempotency-Key is still in progress; repeat it shortly to get its answer", Duration.ofSeconds(1));
        }
        try {
            done.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // look again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayException.retryLater(ProblemType.REQUEST_IN_PROGRESS, "Interrupted while waiting for the "
                    + "first request with this Idempotency-Key", Duration.ofSeconds(1));
        }
    }
}
