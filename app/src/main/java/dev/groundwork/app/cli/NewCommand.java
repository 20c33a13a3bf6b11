package dev.groundwork.app.cli;

import dev.groundwork.model.intake.CodeDetector;
import dev.groundwork.model.intake.CodeLocation;
import dev.groundwork.model.intake.CodeReader;
import dev.groundwork.model.intake.CodeSnapshot;
import dev.groundwork.model.intake.IntakeException;
import dev.groundwork.model.intake.LeftOutNote;
import dev.groundwork.model.intake.MetricFormat;
import dev.groundwork.model.intake.PlanCheck;
import dev.groundwork.model.intake.StudyPlan;
import dev.groundwork.model.spec.Durations;
import dev.groundwork.model.spec.Sizes;
import dev.groundwork.model.study.Studies;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateInfo;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a study folder from a bundled template, or with --from from your own code: spec, baseline"
                + " git repository, database.")
public final class NewCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "The new study's folder (must not exist, or be empty); not needed with --list-templates.")
    Path dir;

    @Option(names = "--template", paramLabel = "NAME",
            description = "Template to start from (default: " + StudyLibrary.DEMO_TEMPLATE + "); --list-templates shows"
                    + " them.")
    String template;

    @Option(names = "--list-templates", description = "List the templates and exit.")
    boolean listTemplates;

    @Option(names = "--from", paramLabel = "PATH[@REV]",
            description = "Your own code: a folder, or a git repository at a branch, tag or commit.")
    String from;

    @Option(names = "--name", paramLabel = "NAME", description = "The study's name (default: the code's folder name).")
    String name;

    @Option(names = "--command", paramLabel = "CMD",
            description = "The run command, words separated by spaces (default: detected, e.g. python3 train.py).")
    String command;

    @Option(names = "--editable", paramLabel = "PATTERN", split = ",",
            description = "Files the implementer may change (default: the source files that are not protected).")
    List<String> editable;

    @Option(names = "--protected", paramLabel = "PATTERN", split = ",",
            description = "Files the implementer never sees (default: eval*, evaluate*, *_eval.py).")
    List<String> protectedPaths;

    @Option(names = "--metrics", paramLabel = "jsonl|regex", description = "How the program prints metrics.")
    String metrics;

    @Option(names = "--regex", paramLabel = "REGEX",
            description = "The metric regex (implies --metrics regex), e.g. 'step:(?<step>\\d+) loss:(?<loss>[\\d.]+)'.")
    String regex;

    @Option(names = "--reward", paramLabel = "METRIC", description = "The metric the reward is read from.")
    String reward;

    @Option(names = "--goal", paramLabel = "minimize|maximize", description = "Whether lower or higher is better.")
    String goal;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "5m",
            description = "Larger files are left out of the baseline as data (default: ${DEFAULT-VALUE}).")
    String maxFileSize;

    @Option(names = "--probe", paramLabel = "DURATION", arity = "0..1", fallbackValue = "2m",
            description = "With --from: run the baseline once right away, for at most DURATION (default 2m), and show"
                    + " the metric lines it prints and the metrics and reward they suggest.")
    String probe;

    private final Studies studies;
    private final CliPrinter printer;
    private final String searchPath;
    private final Prober prober;

    /** Runs a new study's baseline briefly ({@code groundwork probe}). */
    @FunctionalInterface
    public interface Prober {
        int probe(Path study, String timeout) throws Exception;
    }

    public NewCommand(Studies studies, CliPrinter printer, String searchPath, Prober prober) {
        this.prober = prober;
        this.studies = studies;
        this.printer = printer;
        this.searchPath = searchPath;
    }

    @Override
    public Integer call() throws Exception {
        if (listTemplates) {
            for (TemplateInfo info : studies.templates()) {
                printer.result(String.format("%-10s %s", info.name(), info.description()));
            }
            return ExitCodes.OK;
        }
        if (dir == null) {
            throw new UserError(ExitCodes.USAGE, "`groundwork new` needs DIR, the new study's folder (see `groundwork new"
                    + " --help`).");
        }
        if (from != null) {
            return fromCode();
        }
        String chosen = template == null ? StudyLibrary.DEMO_TEMPLATE : template;
        try (Study study = studies.create(dir, chosen)) {
            printer.result("Created study '" + study.name() + "' in " + study.dir() + " from the " + chosen + " template.");
            printer.note("Next: groundwork gui " + study.dir() + "   (or: groundwork status " + study.dir() + ")");
        }
        return ExitCodes.OK;
    }

    private int fromCode() throws Exception {
        if (template != null) {
            throw new UserError(ExitCodes.USAGE, "Choose either --template or --from, not both.");
        }
        if (probe != null && Durations.parse(probe).filter(d -> !d.isZero()).isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "--probe '" + probe + "' is not a duration; write e.g. 90s or 2m.");
        }
        OptionalLong most = Sizes.parse(maxFileSize);
        if (most.isEmpty() || most.getAsLong() == 0) {
            throw new UserError(ExitCodes.USAGE, "--max-file-size '" + maxFileSize + "' is not a size; write e.g. 5m or"
                    + " 500k.");
        }
        try {
            CodeSnapshot code = new CodeReader(most.getAsLong()).read(CodeLocation.parse(from));
            String defaultName = code.origin().path().getFileName() == null ? "study"
                    : code.origin().path().getFileName().toString();
            CodeDetector.Detection detection = new CodeDetector().detect(code, defaultName);
            StudyPlan plan = overridden(detection.plan());
            show(code, detection, plan, most.getAsLong());
            List<String> problems = new PlanCheck(searchPath).problems(plan, code);
            if (!problems.isEmpty()) {
                throw new UserError(ExitCodes.USAGE, String.join("\n", problems)
                        + "\nNothing was created; correct it with --command, --editable, --protected, --regex or --reward.");
            }
            Path made;
            try (Study study = studies.createFrom(dir, code, plan)) {
                made = study.dir();
                printer.result("Created study '" + study.name() + "' in " + study.dir() + " from " + code.origin().describe()
                        + ".");
                if (probe == null) {
                    printer.note("Next: groundwork probe " + study.dir() + "   (runs the baseline briefly and shows the"
                            + " metric lines it prints; or make the study with --probe), then groundwork gui "
                            + study.dir());
                }
            }
            if (probe != null) {
                return prober.probe(made, probe);
            }
        } catch (IntakeException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private StudyPlan overridden(StudyPlan detected) {
        StudyPlan plan = detected;
        if (name != null) {
            plan = plan.withName(name);
        }
        if (command != null) {
            plan = plan.withCommand(Arrays.stream(command.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList());
        }
        if (editable != null) {
            plan = plan.withEditable(editable);
        }
        if (protectedPaths != null) {
            plan = plan.withProtected(protectedPaths);
            if (editable == null) {
                plan = plan.withEditable(detected.editable().stream()
                        .filter(file -> protectedPaths.stream().noneMatch(p -> dev.groundwork.model.spec.Glob.of(p)
                                .matches(file)))
                        .toList());
            }
        }
        if (regex != null || "regex".equalsIgnoreCase(metrics)) {
            if (regex == null) {
                throw new UserError(ExitCodes.USAGE, "--metrics regex needs --regex, the pattern of a metric line.");
            }
            plan = plan.withMetrics(new MetricFormat("regex", regex));
        } else if ("jsonl".equalsIgnoreCase(metrics)) {
            plan = plan.withMetrics(MetricFormat.JSONL);
        } else if (metrics != null) {
            throw new UserError(ExitCodes.USAGE, "--metrics '" + metrics + "' is neither jsonl nor regex; choose one.");
        }
        if (reward != null) {
            plan = plan.withReward(reward, goal);
        } else if (goal != null) {
            plan = plan.withGoal(goal);
        }
        return plan;
    }

    private void show(CodeSnapshot code, CodeDetector.Detection detection, StudyPlan plan, long most) {
        printer.note("Code:      " + code.origin().describe() + ", " + code.files().size() + " files, "
                + LeftOutNote.size(code.bytes()) + (code.ignored() > 0 ? " (" + code.ignored() + " ignored by .gitignore)"
                : ""));
        LeftOutNote.sentence(code, most).ifPresent(sentence -> printer.note(sentence));
        printer.note("Run:       " + (plan.command().isEmpty() ? "(none)" : String.join(" ", plan.command()))
                + source(command != null, "found from " + detection.commandFrom(), "--command"));
        printer.note("Editable:  " + listed(plan.editable()) + source(editable != null, "source files", "--editable"));
        printer.note("Protected: " + (plan.protectedPaths().isEmpty() ? "(none)" : listed(plan.protectedPaths()))
                + source(protectedPaths != null, "eval*, evaluate*, *_eval.py", "--protected"));
        printer.note("Metrics:   " + plan.metrics().describe() + source(metrics != null || regex != null,
                "found from " + detection.metricsFrom(), "--metrics, --regex"));
        printer.note("Reward:    " + (plan.rewardMetric() == null ? "(none)" : plan.rewardMetric() + ", " + plan.goal())
                + source(reward != null || goal != null, "detected", "--reward, --goal"));
    }

    private static String listed(List<String> items) {
        return items.size() <= 6 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 6)) + " and " + (items.size() - 6) + " more";
    }

    private static String source(boolean given, String detected, String flags) {
        return given ? "   (as given)" : "   (" + detected + "; change with " + flags + ")";
    }
}
