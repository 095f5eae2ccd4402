package org.provegateway.session.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.ProblemType;

/** The flow state machine: which answers may follow which state, and which step runs in which state. */
class FlowStateMachineTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    static Set<FlowState> successors(FlowState state) {
        return Arrays.stream(FlowState.values()).filter(state::canMoveTo)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FlowState.class)));
    }

    @Test
    void possessionFlowsMoveFromPendingOrPossessionRequiredToAnOutcome() {
        Set<FlowState> outcomes = EnumSet.of(FlowState.VERIFIED, FlowState.POSSESSION_FAILED,
                FlowState.REBIND_REQUIRED, FlowState.KEY_REVOKED, FlowState.RISK_CHECK_FAILED);
        Set<FlowState> fromPending = EnumSet.copyOf(outcomes);
        fromPending.add(FlowState.POSSESSION_REQUIRED);
        assertThat(successors(FlowState.PENDING)).isEqualTo(fromPending);
        assertThat(successors(FlowState.POSSESSION_REQUIRED)).isEqualTo(outcomes);
    }

    @Test
    void identityFlowsFollowValidateChallengeAndComplete() {
        assertThat(successors(FlowState.STARTED)).containsExactlyInAnyOrder(FlowState.VALIDATED,
                FlowState.CHALLENGE_REQUIRED, FlowState.VALIDATION_FAILED);
        assertThat(successors(FlowState.CHALLENGE_REQUIRED)).containsExactlyInAnyOrder(FlowState.VALIDATED,
                FlowState.CHALLENGE_FAILED);
        assertThat(successors(FlowState.VALIDATED)).containsExactlyInAnyOrder(FlowState.IDENTITY_VERIFIED,
                FlowState.IDENTITY_NOT_VERIFIED);
    }

    @ParameterizedTest
    @EnumSource(FlowState.class)
    void aFinalStateMovesNowhereAndEveryOpenStateSomewhere(FlowState state) {
        assertThat(successors(state).isEmpty()).isEqualTo(state.isFinal());
    }

    @Test
    void possessionAndIdentityStatesNeverMix() {
        Set<FlowState> possession = EnumSet.of(FlowState.PENDING, FlowState.POSSESSION_REQUIRED, FlowState.VERIFIED,
                FlowState.POSSESSION_FAILED, FlowState.REBIND_REQUIRED, FlowState.KEY_REVOKED,
                FlowState.RISK_CHECK_FAILED);
        for (FlowState from : FlowState.values()) {
            for (FlowState to : successors(from)) {
                assertThat(possession.contains(to)).as(from + " -> " + to).isEqualTo(possession.contains(from));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FlowStep.class)
    void everyStepRunsInAnOpenStateOfItsKindFromWhichItsAnswerCanMoveOn(FlowStep step) {
        assertThat(step.from().isFinal()).isFalse();
        assertThat(successors(step.from())).isNotEmpty();
    }

    @Test
    void moveToRefusesATransitionTheMachineDoesNotAllow() {
        FlowSession flow = FlowSession.identity("corr", "mobile", "+12001004000", "req", NOW, NOW.plusSeconds(900));
        assertThatThrownBy(() -> flow.moveTo(FlowState.IDENTITY_VERIFIED, NOW))
                .isInstanceOf(IllegalStateException.class);
        flow.moveTo(FlowState.CHALLENGE_REQUIRED, NOW);
        flow.moveTo(FlowState.VALIDATED, NOW);
        flow.moveTo(FlowState.IDENTITY_VERIFIED, NOW);
        assertThat(flow.state()).isEqualTo(FlowState.IDENTITY_VERIFIED);
        assertThatThrownBy(() -> flow.moveTo(FlowState.IDENTITY_NOT_VERIFIED, NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void requireStepRefusesAnotherKindAnotherStateAndAnExpiredFlow() {
        FlowSession flow = FlowSession.possession("corr", "none", "+12001004014", "req", null, null, false, NOW,
                NOW.plus(Duration.ofMinutes(15)));
        assertThat(problem(() -> flow.requireStep(FlowStep.VALIDATE, NOW))).isEqualTo(ProblemType.FLOW_NOT_FOUND);
        assertThat(problem(() -> flow.requireStep(FlowStep.BIND, NOW))).isEqualTo(ProblemType.STEP_NOT_ALLOWED);
        flow.moveTo(FlowState.POSSESSION_REQUIRED, NOW);
        flow.requireStep(FlowStep.BIND, NOW);
        assertThat(problem(() -> flow.requireStep(FlowStep.BIND, NOW.plus(Duration.ofMinutes(15)))))
                .isEqualTo(ProblemType.FLOW_EXPIRED);
    }

    private static ProblemType problem(Runnable step) {
        try {
            step.run();
        } catch (GatewayException refused) {
            return refused.type();
        }
        throw new AssertionError("not refused");
    }
}
