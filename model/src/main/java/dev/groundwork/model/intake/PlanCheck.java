package dev.groundwork.model.intake;

import dev.groundwork.model.spec.Durations;
import dev.groundwork.model.spec.Glob;
import dev.groundwork.model.spec.MetricRegex;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a plan against the code before anything is written: the run command can be found, the editable files are
 * regular files inside the code (no '..', no symbolic links) and none is protected, and the reward is a metric the
 * format reports. Each problem is one sentence.
 */
public final class PlanCheck {

    private static final Set<String> INTERPRETERS = Set.of("python", "python3", "bash", "sh");

    private final String searchPath;

    /** @param searchPath the PATH the run command's program is looked up in */
    public PlanCheck(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    public List<String> problems(StudyPlan plan, CodeSnapshot code) {
        List<String> problems = new ArrayList<>();
        if (plan.name() == null || plan.name().isBlank()) {
            problems.add("The study needs a name; give it one.");
        }
        commandProblem(plan.command(), code).ifPresent(problems::add);
        problems.addAll(fileProblems(plan, code));
        rewardProblem(plan).ifPresent(problems::add);
        problems.addAll(runProblems(plan.runs()));
        validProblem(plan.valid()).ifPresent(problems::add);
        return problems;
    }

    /** The editable and protected files' problems: outside the code, links, matching nothing, both at once. */
    public List<String> fileProblems(StudyPlan plan, CodeSnapshot code) {
        List<String> problems = new ArrayList<>();
        problems.addAll(patterns("editable", plan.editable(), code, true));
        problems.addAll(patterns("protected", plan.protectedPaths(), code, false));
        for (String file : files(code)) {
            Optional<String> editable = plan.editable().stream().filter(p -> glob(p).matches(file)).findFirst();
            Optional<String> guarded = plan.protectedPaths().stream().filter(p -> glob(p).matches(file)).findFirst();
            if (editable.isPresent() && guarded.isPresent()) {
                problems.add("'" + file + "' is both editable ('" + editable.get() + "') and protected ('" + guarded.get()
                        + "'); a file the implementer may change cannot be the one that judges it.");
                break;
            }
        }
        return problems;
    }

    /** Whether the timeout is a duration, at least one run runs at a time and GPUs per run is not negative. */
    public List<String> runProblems(StudyPlan.Runs runs) {
        List<String> problems = new ArrayList<>();
        if (runs.timeout() == null || Durations.parse(runs.timeout().strip()).filter(d -> !d.isZero() && !d.isNegative()).isEmpty()) {
            problems.add("The timeout '" + runs.timeout() + "' is not a duration; write e.g. 90s, 30m or 2h.");
        }
        if (runs.concurrency() < 1) {
            problems.add("At least one run must run at a time; set concurrency to 1 or more.");
        }
        if (runs.gpusPerRun() < 0) {
            problems.add("GPUs per run cannot be negative; write 0 for CPU-only runs.");
        }
        return problems;
    }

    /** Whether the valid range, when there is one, is a range. */
    public Optional<String> validProblem(StudyPlan.Valid valid) {
        if (valid != null && (!Double.isFinite(valid.low()) || !Double.isFinite(valid.high())
                || valid.low() >= valid.high())) {
            return Optional.of("The valid range's low end must be below its high end; correct them or leave both empty.");
        }
        return Optional.empty();
    }

    /** Whether the run command can be found: on PATH, in the code, and the script or Makefile target it names. */
    public Optional<String> commandProblem(List<String> command, CodeSnapshot code) {
        if (command.isEmpty()) {
            return Optional.of("No run command was found in the code (no train.py, main.py, Makefile target or run.sh);"
                    + " name the command that trains, e.g. python3 train.py.");
        }
        String program = command.getFirst();
        String local = program.startsWith("./") ? program.substring(2) : program;
        if (program.contains("/")) {
            if (code.file(local).isEmpty() && !Files.isExecutable(Path.of(program))) {
                return Optional.of("The run command's program '" + program + "' is not in the code; name a file the code"
                        + " holds, e.g. ./run.sh.");
            }
        } else if (!onPath(program)) {
            return Optional.of("The run command's program '" + program + "' is not found on this machine (it is not on"
                    + " PATH); install it, or name a program that is.");
        }
        String name = Path.of(program).getFileName().toString();
        if (INTERPRETERS.contains(name) && command.size() > 1 && !command.get(1).startsWith("-")
                && code.file(command.get(1)).isEmpty()) {
            return Optional.of("The run command runs '" + command.get(1) + "', which is not in the code; name a script"
                    + " the code holds, e.g. " + firstScript(code) + ".");
        }
        if (name.equals("make")) {
            Optional<String> makefile = code.file("Makefile").flatMap(SourceFile::text);
            if (makefile.isEmpty()) {
                return Optional.of("The run command runs make, but the code has no Makefile; name another command.");
            }
            if (command.size() > 1 && !command.get(1).startsWith("-") && !Pattern.compile("^" + Pattern.quote(command.get(1))
                    + "\\s*:", Pattern.MULTILINE).matcher(makefile.get()).find()) {
                return Optional.of("The Makefile has no target '" + command.get(1) + "'; name one it defines.");
            }
        }
        return Optional.empty();
    }

    private static String firstScript(CodeSnapshot code) {
        return code.files().stream().map(SourceFile::path).filter(p -> p.endsWith(".py")).findFirst().orElse("train.py");
    }

    private boolean onPath(String program) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            try {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                    return true;
                }
            } catch (InvalidPathException ignored) {
                // an odd PATH entry cannot hold the program
            }
        }
        return false;
    }

    private static List<String> patterns(String list, List<String> patterns, CodeSnapshot code, boolean editable) {
        List<String> problems = new ArrayList<>();
        if (editable && patterns.isEmpty()) {
            problems.add("No file is editable: the code holds no source files the implementer could change; name them.");
        }
        for (String pattern : patterns) {
            if (pattern.isBlank() || pattern.startsWith("/") || pattern.contains("\\")
                    || Arrays.asList(pattern.split("/")).contains("..")) {
                problems.add("The " + list + " path '" + pattern + "' reaches outside the code; write paths relative to"
                        + " it, e.g. train.py or src/**/*.py.");
                continue;
            }
            Glob glob = glob(pattern);
            Optional<SourceFile> link = code.files().stream().filter(f -> f.isLink() && glob.matches(f.path()))
                    .findFirst();
            if (editable && link.isPresent()) {
                problems.add("The editable path '" + pattern + "' takes in '" + link.get().path() + "', a symbolic link;"
                        + " only regular files may be editable, so name the file it points to.");
            } else if (editable && code.files().stream().noneMatch(f -> glob.matches(f.path()))) {
                problems.add("The editable path '" + pattern + "' matches no file of the code; name files it holds.");
            }
        }
        return problems;
    }

    /** Whether the reward is named, its goal one of the two, and (with a regex) one of the regex's groups. */
    public Optional<String> rewardProblem(StudyPlan plan) {
        if (plan.rewardMetric() == null || plan.rewardMetric().isBlank()) {
            return Optional.of("No metric printing was recognised in the code, so the reward is unknown; name the reward"
                    + " metric (the program must print it, e.g. as a JSON line {\"step\": 100, \"val_loss\": 2.3}).");
        }
        if (!plan.goal().equals("minimize") && !plan.goal().equals("maximize")) {
            return Optional.of("The goal '" + plan.goal() + "' is neither minimize nor maximize; choose one.");
        }
        if (plan.metrics().regex() != null) {
            try {
                List<String> names = MetricRegex.compile(plan.metrics().regex()).metricNames();
                if (!names.contains(plan.rewardMetric())) {
                    return Optional.of("The reward metric '" + plan.rewardMetric() + "' is not one of the metric regex's"
                            + " groups (" + String.join(", ", names) + "); choose one of them.");
                }
            } catch (PatternSyntaxException e) {
                return Optional.of("The metric regex does not compile (" + e.getDescription() + "); correct it.");
            }
        }
        return Optional.empty();
    }

    private static List<String> files(CodeSnapshot code) {
        return code.files().stream().map(SourceFile::path).toList();
    }

    private static Glob glob(String pattern) {
        return Glob.of(pattern);
    }
}
