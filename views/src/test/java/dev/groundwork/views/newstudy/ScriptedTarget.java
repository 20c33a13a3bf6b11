package dev.groundwork.views.newstudy;

import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.run.FailureClass;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A run target that prints scripted lines and exits at once, recording what it was asked to run; for view-model tests
 * of the test run without a process (the robot test runs a real one).
 */
final class ScriptedTarget implements RunTarget {

    final List<RunLaunch> launches = new ArrayList<>();
    final List<List<String>> workspaces = new ArrayList<>();
    private List<String> lines = List.of();
    private Integer exitCode = 0;

    ScriptedTarget prints(String... printed) {
        lines = List.of(printed);
        return this;
    }

    ScriptedTarget exits(int code) {
        exitCode = code;
        return this;
    }

    @Override
    public String host() {
        return "scripted";
    }

    @Override
    public List<Slot> slots() {
        return List.of(new Slot("scripted", 0, List.of()));
    }

    @Override
    public RunHandle start(RunLaunch launch, RunListener listener) {
        launches.add(launch);
        try (var files = Files.walk(launch.workspace())) {
            workspaces.add(files.filter(Files::isRegularFile).map(f -> launch.workspace().relativize(f).toString())
                    .sorted().toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        lines.forEach(line -> listener.onLine(line, false));
        listener.onExit(new RunExit(exitCode, exitCode == 0 ? null : FailureClass.CODE,
                lines.subList(Math.max(0, lines.size() - 3), lines.size()), 0.4));
        return new RunHandle() {
            @Override
            public String id() {
                return "1";
            }

            @Override
            public void cancel() {}
        };
    }

    @Override
    public boolean reap(String handle) {
        return false;
    }
}
