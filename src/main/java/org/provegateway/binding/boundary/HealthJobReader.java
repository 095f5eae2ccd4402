package org.provegateway.binding.boundary;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;

import org.provegateway.binding.control.BindingHealthRuns;
import org.provegateway.binding.control.HealthCandidate;
import org.provegateway.binding.control.KeyBindings;
import org.provegateway.binding.entity.BindingHealthRun;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Reads the live bindings in id order, a page at a time (keyset paging: {@code id > last}), for the
 * binding-health job. Its checkpoint is the id of the last binding of the last committed chunk.
 *
 * <p>Where a run resumes: from the run's own {@code last_binding_id}, which the writer updates in the chunk's
 * transaction together with the bindings, so it can never disagree with them. The Jakarta Batch checkpoint
 * ({@link #checkpointInfo()}) holds the same id, but the job repository is in memory and not part of the chunk's
 * database transaction, and it is gone after a server restart; the run row is neither.
 */
@Named("bindingHealthReader")
@Dependent
public class HealthJobReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(HealthJobReader.class.getName());

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    @BatchProperty(name = "chunkSize")
    String chunkSize;

    @Inject
    BindingHealthRuns runs;

    @Inject
    KeyBindings bindings;

    private final Deque<HealthCandidate> page = new ArrayDeque<>();
    private String lastRead;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        BindingHealthRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        lastRead = run.lastBindingId().orElse(null);
        if (checkpoint != null && !checkpoint.equals(lastRead)) {
            LOG.warning(() -> "binding-health run " + runId + ": batch checkpoint differs from the run's committed "
                    + "checkpoint; resuming from the committed one");
        }
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            int size = Integer.parseInt(chunkSize);
            var next = bindings.healthCandidates(lastRead, size);
            exhausted = next.size() < size;
            page.addAll(next);
        }
        HealthCandidate item = page.poll();
        if (item != null) {
            lastRead = item.id();
        }
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastRead;
    }
}
