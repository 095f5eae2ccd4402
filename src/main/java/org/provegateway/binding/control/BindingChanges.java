package org.provegateway.binding.control;

import java.util.List;

import org.provegateway.platform.control.Cursors;
import org.provegateway.platform.control.GatewayException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The change feed: every binding change since a cursor, oldest first, in pages, so that a batch job can catch up
 * incrementally and never miss or double-count a change while flows keep changing bindings.
 *
 * <p>Why "after this position" is exact: each change is a row of {@code key_binding_event} whose {@code seq} the
 * database assigns on insert; every transaction that writes such rows holds the lock of the single
 * {@code key_binding_feed} row from its first event until it commits (see {@code KeyBindingFeed}). So a change
 * with a higher {@code seq} is committed only after all lower ones have been committed or rolled back, and a reader
 * that has seen position {@code n} will find every later commit above {@code n}. (Without the lock a transaction
 * holding {@code seq} 41 could commit after one holding 42; a reader that already moved past 42 would never see 41.)
 * Gaps in {@code seq} (rolled-back transactions, identity caches) are harmless: positions only need to grow.
 */
@ApplicationScoped
public class BindingChanges {

    /** The change feed's cursors ({@link Cursors}); "kb1" were the unsigned ones of earlier versions. */
    static final String CURSOR_KIND = "kb2";

    /** The beginning of the feed, before every change. */
    static final long START = 0;

    @Inject
    KeyBindings bindings;

    @Inject
    Cursors cursors;

    @Inject
    BindingConfig config;

    /**
     * @param after a cursor from an earlier page, or null for the beginning of the feed
     * @param limit most changes to answer (as the caller wrote it), or null for the default
     */
    public ChangePage after(String after, String limit) {
        long position = after == null || after.isBlank() ? START
                : cursors.open(CURSOR_KIND, after.strip()).orElseThrow(
                        () -> GatewayException.invalidField("after", "is not a cursor of this gateway's change feed"));
        int max = limit == null || limit.isBlank() ? config.changesDefaultLimit() : number(limit.strip());
        if (max < 1 || max > config.changesMaxLimit()) {
            throw GatewayException.invalidField("limit", "must be between 1 and " + config.changesMaxLimit());
        }
        List<BindingChange> found = bindings.changesAfter(position, max + 1);
        boolean hasMore = found.size() > max;
        List<BindingChange> page = hasMore ? found.subList(0, max) : found;
        long last = page.isEmpty() ? position : page.get(page.size() - 1).position();
        return new ChangePage(page.stream().map(this::view).toList(), cursors.sign(CURSOR_KIND, last), hasMore);
    }

    private int number(String limit) {
        try {
            return limit.length() > 9 ? -1 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private ChangePage.Change view(BindingChange change) {
        return new ChangePage.Change(cursors.sign(CURSOR_KIND, change.position()), change.bindingId(), change.event(),
                change.state(), change.occurredAt(), change.flowId(), change.detail(), change.deviceId(),
                change.phoneNumber(), change.customerReference(), change.proveId());
    }
}
