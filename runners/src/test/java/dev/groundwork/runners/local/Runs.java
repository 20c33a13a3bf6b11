package dev.groundwork.runners.local;

import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.Slot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Study-like folders for test runs: {@code runs/<id>/workspace} with a Python script, {@code runs/<id>/log.txt}. */
final class Runs {

    private final Path studyDir;
    private long nextId = 1;

    Runs(Path studyDir) {
        this.studyDir = studyDir;
    }

    /** A launch of {@code python3 run.py} with {@code script} as run.py. */
    RunLaunch python(String script, Slot slot, Duration timeout, Map<String, String> env) throws IOException {
        return launch(List.of("python3", "run.py"), script, slot, timeout, env);
    }

    RunLaunch launch(List<String> command, String script, Slot slot, Duration timeout, Map<String, String> env)
            throws IOException {
        long id = nextId++;
        Path runDir = studyDir.resolve("runs").resolve(String.valueOf(id));
        Path workspace = Files.createDirectories(runDir.resolve("workspace"));
        Files.writeString(workspace.resolve("run.py"), script);
        return new RunLaunch(id, workspace, command, env, timeout, slot, runDir.resolve("log.txt"));
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isRunning).orElse(false);
    }
}
