package dev.groundwork.runners.local;

import dev.groundwork.model.execution.RunStartException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds a run's program before it starts, so that a typo in run.command is a sentence and not an exit status. */
final class CommandCheck {

    private CommandCheck() {}

    /** Checks {@code command[0]}: a path (relative to the workspace) or a name looked up on {@code path}. */
    static void check(List<String> command, Path workspace, String path) throws RunStartException {
        if (command.isEmpty()) {
            throw new RunStartException(
                    "run.command is empty; set it in groundwork.yaml, e.g. [\"python3\", \"train.py\"].");
        }
        String program = command.getFirst();
        if (program.contains("/")) {
            Path file = workspace.resolve(program);
            if (!Files.isRegularFile(file)) {
                throw new RunStartException(program + " was not found in the run's workspace " + workspace
                        + "; check run.command in groundwork.yaml.");
            }
            if (!Files.isExecutable(file)) {
                throw new RunStartException(program + " is not executable; make it executable (chmod +x " + program
                        + ") or start it through its interpreter in run.command, e.g. [\"bash\", \"" + program
                        + "\"].");
            }
        } else if (onPath(program, path).isEmpty()) {
            throw new RunStartException(program + " was not found on PATH; install it or change run.command in"
                    + " groundwork.yaml.");
        }
    }

    /** The first executable file named {@code name} in the folders of {@code path}. */
    static Optional<Path> onPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
