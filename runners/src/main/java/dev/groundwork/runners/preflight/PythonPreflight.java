package dev.groundwork.runners.preflight;

import dev.groundwork.model.execution.Preflight;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Pre-flight for Python codebases: every changed {@code .py} file must compile, then the spec's smoke command (if any)
 * must exit 0 within the time given. Seconds here save a GPU run that would crash on a syntax error.
 */
public final class PythonPreflight implements Preflight {

    private static final String COMPILE = """
            import py_compile, sys
            failed = 0
            for path in sys.argv[1:]:
                try:
                    py_compile.compile(path, doraise=True)
                except py_compile.PyCompileError as error:
                    failed += 1
                    print(error.msg.strip())
            sys.exit(1 if failed else 0)
            """;

    private final String python;

    public PythonPreflight(String python) {
        this.python = python;
    }

    @Override
    public Result check(Path workspace, List<String> changedFiles, List<String> smokeCommand, Duration timeout) {
        List<String> sources = changedFiles.stream().filter(path -> path.endsWith(".py")).toList();
        StringBuilder report = new StringBuilder();
        if (!sources.isEmpty()) {
            List<String> command = new ArrayList<>(List.of(python, "-c", COMPILE));
            command.addAll(sources);
            Outcome compile = run(command, workspace, timeout);
            if (!compile.ok()) {
                return new Result(false, "Python does not compile:\n" + compile.output());
            }
            report.append("compiled ").append(String.join(", ", sources)).append('\n');
        }
        if (!smokeCommand.isEmpty()) {
            Outcome smoke = run(smokeCommand, workspace, timeout);
            if (!smoke.ok()) {
                return new Result(false, "The smoke command `" + String.join(" ", smokeCommand) + "` failed:\n" + smoke.output());
            }
            report.append("smoke command passed\n");
        }
        return new Result(true, report.isEmpty() ? "no Python files changed" : report.toString().strip());
    }

    private static Outcome run(List<String> command, Path workspace, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true).start();
            // Read on a thread of our own: a blocked read on the common pool would hold a worker others share.
            CompletableFuture<String> output = new CompletableFuture<>();
            Thread.ofVirtual().name("preflight-output").start(() -> output.complete(read(process)));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Outcome(false, "timed out after " + timeout.toSeconds() + " s\n" + tail(output.getNow("")));
            }
            return new Outcome(process.exitValue() == 0, tail(output.join()));
        } catch (IOException e) {
            return new Outcome(false, "could not start `" + command.getFirst() + "`: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted");
        }
    }

    private static String read(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last 40 lines: enough for a traceback, short enough for a prompt. */
    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private record Outcome(boolean ok, String output) {}
}
