package dev.groundwork.model.execution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The cheap check before an expensive run: changed Python files compile, and the spec's smoke command (if any) passes. */
public interface Preflight {

    Result check(Path workspace, List<String> changedFiles, List<String> smokeCommand, Duration timeout);

    /** Passed or not, with the output that says why (compiler errors, the smoke command's tail). */
    record Result(boolean passed, String report) {}
}
