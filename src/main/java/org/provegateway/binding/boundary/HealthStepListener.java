package org.provegateway.binding.boundary;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Hands the step's failure (its kind only) to {@link HealthJobListener}, which records it on the run. */
@Named("bindingHealthStepListener")
@Dependent
public class HealthStepListener extends AbstractStepListener {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Override
    public void afterStep() {
        if (step.getException() != null) {
            job.setTransientUserData(HealthJobListener.describe(step.getException()));
        }
    }
}
