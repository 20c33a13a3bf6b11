package dev.groundwork.model.execution;

import dev.groundwork.model.run.FailureClass;
import java.util.List;

/**
 * How a run ended.
 *
 * @param exitCode the process's exit status (128 + signal when killed), or null when it never started
 * @param failure  null for a clean exit 0; else why it failed
 * @param tail     its last output lines (a traceback, typically), for the review and the implementer
 */
public record RunExit(Integer exitCode, FailureClass failure, List<String> tail, double seconds) {
    public RunExit {
        tail = List.copyOf(tail);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
