package dev.groundwork.model.run;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a run that failed because the environment lacks a Python package (the traceback's last
 * {@code ModuleNotFoundError}), so the researcher is told to install it rather than to fix code that is fine.
 */
public final class MissingModule {

    private static final Pattern NO_MODULE = Pattern.compile("ModuleNotFoundError: No module named '([\\w.]+)'");

    private MissingModule() {}

    /** The top-level module a failed run's log says is missing, if it says so. */
    public static Optional<String> in(List<String> logTail) {
        for (String line : logTail.reversed()) {
            Matcher missing = NO_MODULE.matcher(line);
            if (missing.find()) {
                return Optional.of(missing.group(1).split("\\.")[0]);
            }
        }
        return Optional.empty();
    }

    /** The sentence for it: which interpreter lacks which module, and the two ways out. */
    public static String sentence(List<String> command, String module) {
        String interpreter = command.isEmpty() ? "The run's Python" : command.getFirst();
        return interpreter + " has no module " + module + ": install it where the run executes (e.g. `" + interpreter
                + " -m pip install " + module + "`), or set run.command to a Python that has it";
    }
}
