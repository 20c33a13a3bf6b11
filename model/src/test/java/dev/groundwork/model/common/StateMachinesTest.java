package dev.groundwork.model.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.run.RunStatus;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of statuses of every state machine: the allowed ones pass, every other one throws. */
class StateMachinesTest {

    static Stream<Arguments> machines() {
        return Stream.of(
                Arguments.of(IdeaStatus.class, Set.of("proposed>approved", "proposed>rejected", "approved>implementing",
                        "implementing>implemented", "implementing>unimplementable", "implemented>implementing",
                        // a person withdraws an idea that has not run
                        "approved>rejected", "implemented>rejected")),
                Arguments.of(PatchStatus.class, Set.of("draft>applied", "draft>apply-failed", "applied>preflight-ok",
                        "applied>preflight-failed", "preflight-ok>approved", "preflight-ok>rejected",
                        "preflight-ok>superseded", "preflight-failed>rejected", "preflight-failed>superseded",
                        "apply-failed>rejected", "apply-failed>superseded", "approved>rejected")),
                Arguments.of(RunStatus.class, Set.of("queued>starting", "queued>cancelled", "starting>running",
                        "starting>failed", "starting>cancelled", "starting>lost", "running>succeeded", "running>failed",
                        "running>timed-out", "running>cancelled", "running>lost")));
    }

    @ParameterizedTest
    @MethodSource("machines")
    <S extends Enum<S> & Lifecycle<S>> void onlyTheDesignedTransitionsAreAllowed(Class<S> type, Set<String> allowed) {
        int checked = 0;
        for (S from : type.getEnumConstants()) {
            for (S to : type.getEnumConstants()) {
                String pair = from.wireName() + ">" + to.wireName();
                if (allowed.contains(pair)) {
                    from.requireMoveTo(to, "it");
                } else {
                    assertThatThrownBy(() -> from.requireMoveTo(to, "it"))
                            .as(pair).isInstanceOf(IllegalTransitionException.class)
                            .hasMessageStartingWith("it cannot go from " + from.wireName() + " to " + to.wireName() + ": ");
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(type.getEnumConstants().length * type.getEnumConstants().length);
    }

    @ParameterizedTest
    @MethodSource("machines")
    <S extends Enum<S> & Lifecycle<S>> void wireNamesRoundTrip(Class<S> type, Set<String> ignored) {
        for (S status : type.getEnumConstants()) {
            assertThat(WireNames.parse(type, status.wireName())).isEqualTo(status);
        }
        assertThatThrownBy(() -> WireNames.parse(type, "nonsense")).hasMessageStartingWith("'nonsense' is not one of ");
    }
}
