package io.tasker.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StepStateTest {

    @Test
    void allowsExactlyTheTransitionsOfTheReference() {
        assertEquals(EnumSet.of(StepState.IN_PROGRESS, StepState.ERROR, StepState.CANCELLED,
                StepState.RESOLVED_MANUALLY), targets(StepState.PENDING));
        assertEquals(EnumSet.of(StepState.COMPLETE, StepState.ERROR, StepState.CANCELLED, StepState.PENDING),
                targets(StepState.IN_PROGRESS), "pending: released by a node that stops");
        assertEquals(EnumSet.of(StepState.PENDING, StepState.RESOLVED_MANUALLY), targets(StepState.ERROR));
        for (StepState terminal : EnumSet.of(StepState.COMPLETE, StepState.CANCELLED, StepState.RESOLVED_MANUALLY)) {
            assertTrue(terminal.isTerminal());
            assertEquals(Set.of(), targets(terminal));
        }
    }

    @Test
    void aRetryMustPassThroughPending() {
        assertFalse(StepState.ERROR.canTransitionTo(StepState.IN_PROGRESS));
        assertTrue(StepState.ERROR.canTransitionTo(StepState.PENDING));
        assertTrue(StepState.PENDING.canTransitionTo(StepState.IN_PROGRESS));
    }

    @Test
    void onlyCompletedOrResolvedStepsSatisfyDependents() {
        assertEquals(EnumSet.of(StepState.COMPLETE, StepState.RESOLVED_MANUALLY),
                EnumSet.allOf(StepState.class).stream().filter(StepState::satisfiesDependents)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(StepState.class))));
    }

    @Test
    void roundTripsItsStoredName() {
        for (StepState state : StepState.values()) {
            assertEquals(state, StepState.of(state.value()));
        }
        assertEquals("resolved_manually", StepState.RESOLVED_MANUALLY.value());
    }

    private static Set<StepState> targets(StepState from) {
        return EnumSet.allOf(StepState.class).stream().filter(from::canTransitionTo)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(StepState.class)));
    }
}
