package dev.groundwork.model.spec;

import dev.groundwork.model.common.WireNames;
import dev.groundwork.model.spec.RewardSpec.ValidRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a bound {@link SpecDocument} into a {@link StudySpec}: fills in defaults, converts values and reports every
 * value that is missing, malformed or out of range. Where a value is wrong it carries on with the default, so that
 * one pass finds every problem; the spec it returns is only meaningful when it reported none.
 */
final class SpecValidator {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String GPU_VARIABLE = "CUDA_VISIBLE_DEVICES";
    static final String EMPTY_ENTRY = "is empty; write some text or remove the entry.";

    private final Problems problems;
    private final BaselineValidator baseline;

    SpecValidator(Problems problems, Path studyDir) {
        this.problems = problems;
        this.baseline = new BaselineValidator(problems, studyDir);
    }

    StudySpec validate(SpecDocument spec) {
        String name = required("name", spec.name(), "give the study a short name, e.g. name: charlm-demo.");
        MetricsSpec metrics = metrics(spec.metrics());
        return new StudySpec(
                name,
                spec.description() == null ? "" : spec.description(),
                baseline.validate(spec.baseline()),
                run(spec.run()),
                metrics,
                reward(spec.reward(), metrics),
                search(spec.search()),
                agents(spec.agents()),
                gates(spec.gates()),
                budget(spec.budget()));
    }

    private RunSpec run(SpecDocument.Run run) {
        RunSpec.Target target = choice("run.target", run.target(), RunSpec.Target.LOCAL);
        Optional<String> image = Optional.ofNullable(run.image()).filter(text -> !text.isBlank());
        if (target == RunSpec.Target.DOCKER && image.isEmpty()) {
            problems.at("run.image", "is required when run.target is docker; name the image to run in, e.g. "
                    + "groundwork/charlm:py3-numpy.");
        }
        String commandHint = "give the program and its arguments as a list, e.g. [\"python3\", \"train.py\"].";
        if (run.command() == null) {
            problems.at("run.command", "is required; " + commandHint);
        } else if (run.command().isEmpty()) {
            problems.at("run.command", "is empty; " + commandHint);
        }
        return new RunSpec(
                target,
                image,
                run.command() == null ? List.of() : texts("run.command", run.command()),
                run.smoke() == null ? List.of() : texts("run.smoke", run.smoke()),
                atLeast("run.gpus_per_run", run.gpusPerRun(), 0, 0),
                timeout(run.timeout()),
                run.seed() == null ? OptionalLong.empty() : OptionalLong.of(run.seed()),
                env(run.env()),
                sandbox(run));
    }

    private Sandbox sandbox(SpecDocument.Run run) {
        String network = run.network() == null ? Sandbox.DEFAULT.network() : run.network();
        if (!List.of("none", "host").contains(network)) {
            problems.at("run.network", "'" + network + "' is not a network a run may have; write none (the default:"
                    + " generated code reaches no network) or host.");
        }
        SpecDocument.Limits limits = run.limits() == null ? new SpecDocument.Limits(null, null, null) : run.limits();
        OptionalLong memory = OptionalLong.empty();
        if (limits.memory() != null) {
            OptionalLong bytes = Sizes.parse(limits.memory());
            if (bytes.isEmpty() || bytes.getAsLong() < 16L << 20) {
                problems.at("run.limits.memory", "'" + limits.memory() + "' is not a memory limit; write a size of"
                        + " at least 16m, e.g. 512m or 8g.");
            }
            memory = bytes;
        }
        if (limits.cpus() != null && !(limits.cpus() > 0)) {
            problems.at("run.limits.cpus", "must be more than 0, e.g. 2 or 0.5.");
        }
        if (limits.pids() != null && limits.pids() < 16) {
            problems.at("run.limits.pids", "is " + limits.pids() + "; allow at least 16 processes (Python alone"
                    + " starts several threads).");
        }
        String user = run.user() == null ? Sandbox.DEFAULT_USER : run.user();
        if (!user.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?")) {
            problems.at("run.user", "'" + user + "' is not a user; write uid:gid, e.g. " + Sandbox.DEFAULT_USER + ".");
        }
        List<String> artifacts = run.artifacts() == null ? List.of() : texts("run.artifacts", run.artifacts());
        for (String artifact : artifacts) {
            if (artifact.startsWith("/") || List.of(artifact.split("/")).contains("..")) {
                problems.at("run.artifacts", "'" + artifact + "' is outside the workspace; name paths relative to"
                        + " it, e.g. out/metrics.json.");
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (run.data() != null) {
            run.data().forEach((name, path) -> {
                if (!name.matches("[a-z0-9_]+")) {
                    problems.atKey("run.data." + name, "'" + name + "' cannot name a data folder: use lower-case letters,"
                            + " digits and underscores (it becomes data/" + name + " and GROUNDWORK_DATA_"
                            + name.toUpperCase(java.util.Locale.ROOT) + ").");
                } else if (path == null || path.isBlank()) {
                    problems.at("run.data." + name, "has no folder; write the folder of the host that holds it, e.g."
                            + " /data/fineweb10B.");
                } else {
                    data.put(name, path);
                }
            });
        }
        return new Sandbox(network, memory,
                limits.cpus() == null ? OptionalDouble.empty() : OptionalDouble.of(limits.cpus()),
                limits.pids() == null ? OptionalLong.empty() : OptionalLong.of(limits.pids()), user, artifacts, data);
    }

    private Duration timeout(String written) {
        if (written == null) {
            return RunSpec.DEFAULT_TIMEOUT;
        }
        Optional<Duration> timeout = Durations.parse(written);
        if (timeout.isEmpty()) {
            problems.at("run.timeout", "'" + written + "' is not a duration; write a number followed by s, m or h, "
                    + "e.g. 10m.");
        } else if (timeout.get().isZero()) {
            problems.at("run.timeout", "'" + written + "' leaves a run no time; give the longest a run may take, "
                    + "e.g. 10m.");
        }
        return timeout.filter(duration -> !duration.isZero()).orElse(RunSpec.DEFAULT_TIMEOUT);
    }

    private Map<String, String> env(Map<String, String> env) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (env == null) {
            return variables;
        }
        env.forEach((name, value) -> {
            String path = "run.env." + name;
            if (!ENV_NAME.matcher(name).matches()) {
                problems.atKey(path, "'" + name + "' is not a valid variable name; use letters, digits and "
                        + "underscores, not starting with a digit.");
            } else if (name.equals(GPU_VARIABLE)) {
                problems.atKey(path, "is set by Groundwork from each run's GPU slot; remove it and set "
                        + "run.gpus_per_run instead.");
            }
            if (value == null) {
                problems.at(path, "has no value; write one, e.g. " + name + ": \"1\".");
            } else {
                variables.put(name, value);
            }
        });
        return variables;
    }

    private MetricsSpec metrics(SpecDocument.Metrics metrics) {
        MetricsSpec.Parser parser = choice("metrics.parser", metrics.parser(), MetricsSpec.Parser.JSONL);
        String regex = metrics.regex();
        if (parser != MetricsSpec.Parser.REGEX) {
            if (regex != null) {
                problems.at("metrics.regex", "is only read when metrics.parser is regex; add parser: regex or "
                        + "remove the regex.");
            }
            return new MetricsSpec(parser, Optional.empty());
        }
        if (regex == null || regex.isBlank()) {
            problems.at("metrics.regex", "is required when metrics.parser is regex; write one with named groups, "
                    + "e.g. 'step:(?<step>\\d+) val_loss:(?<val_loss>[\\d.]+)'.");
            return new MetricsSpec(parser, Optional.empty());
        }
        try {
            MetricRegex compiled = MetricRegex.compile(regex);
            if (!compiled.groupNames().contains(MetricRegex.STEP)) {
                problems.at("metrics.regex", "has no step group; capture the step number in one, e.g. "
                        + "step:(?<step>\\d+).");
            }
            if (compiled.metricNames().isEmpty()) {
                problems.at("metrics.regex", "has no metric group; capture each metric in a named group, e.g. "
                        + "val_loss:(?<val_loss>[\\d.]+).");
            }
            return new MetricsSpec(parser, Optional.of(compiled));
        } catch (PatternSyntaxException e) {
            String where = e.getIndex() < 0 ? "" : " near index " + e.getIndex();
            problems.at("metrics.regex", "is not a valid regex (" + e.getDescription() + where + "); fix it so "
                    + "that it matches one line of the run's output.");
            return new MetricsSpec(parser, Optional.empty());
        }
    }

    private RewardSpec reward(SpecDocument.Reward reward, MetricsSpec metrics) {
        String metric = required("reward.metric", reward.metric(), "name the metric the reward is read from, e.g. "
                + "metric: val_loss.");
        List<String> captured = metrics.regex().map(MetricRegex::metricNames).orElse(List.of());
        if (!metric.isEmpty() && !captured.isEmpty() && !captured.contains(metric)) {
            problems.at("reward.metric", "'" + metric + "' is not captured by metrics.regex, which captures "
                    + Words.list(captured, "and") + "; use one of those or add a group for it.");
        }
        return new RewardSpec(
                metric,
                choice("reward.goal", reward.goal(), RewardSpec.Goal.MINIMIZE),
                choice("reward.aggregate", reward.aggregate(), RewardSpec.Aggregate.LAST),
                valid(reward.valid()));
    }

    private Optional<ValidRange> valid(List<Double> bounds) {
        if (bounds == null) {
            return Optional.empty();
        }
        if (bounds.size() != 2 || bounds.contains(null)) {
            problems.at("reward.valid", "must be two numbers [low, high], e.g. [0.5, 10.0].");
        } else if (!(bounds.get(0) < bounds.get(1))) {
            problems.at("reward.valid", "low " + Words.number(bounds.get(0)) + " is not below high "
                    + Words.number(bounds.get(1)) + "; write [low, high] with low < high.");
        } else {
            return Optional.of(new ValidRange(bounds.get(0), bounds.get(1)));
        }
        return Optional.empty();
    }

    private SearchSpec search(SpecDocument.Search search) {
        SearchSpec defaults = SearchSpec.DEFAULT;
        return new SearchSpec(
                atLeast("search.epochs", search.epochs(), 1, defaults.epochs()),
                atLeast("search.ideas_per_epoch", search.ideasPerEpoch(), 1, defaults.ideasPerEpoch()),
                parsed("search.exploit", search.exploit(), Exploit::parse, defaults.exploit(),
                        "is neither annealed nor a share from 0 to 1; write annealed or a number such as 0.3."),
                atLeast("search.top_k", search.topK(), 1, defaults.topK()),
                atLeast("search.concurrency", search.concurrency(), 1, defaults.concurrency()),
                choice("search.code_base", search.codeBase(), defaults.codeBase()),
                choice("search.mode", search.mode(), defaults.mode()));
    }

    private AgentsSpec agents(SpecDocument.Agents agents) {
        AgentsSpec defaults = AgentsSpec.DEFAULT;
        String hint = "is not an agent; write catalog, openai:MODEL or anthropic:MODEL, e.g. openai:gpt-4o.";
        Integer attempts = agents.maxAttempts();
        if (attempts != null && (attempts < 1 || attempts > AgentsSpec.MAX_ATTEMPTS_LIMIT)) {
            problems.at("agents.max_attempts", attempts + " is out of range; use a whole number from 1 to "
                    + AgentsSpec.MAX_ATTEMPTS_LIMIT + ".");
            attempts = null;
        }
        return new AgentsSpec(
                parsed("agents.ideator", agents.ideator(), AgentRef::parse, defaults.ideator(), hint),
                parsed("agents.implementer", agents.implementer(), AgentRef::parse, defaults.implementer(), hint),
                attempts == null ? defaults.maxAttempts() : attempts);
    }

    private GatesSpec gates(SpecDocument.Gates gates) {
        GatesSpec defaults = GatesSpec.DEFAULT;
        return new GatesSpec(
                choice("gates.idea", gates.idea(), defaults.idea()),
                choice("gates.patch", gates.patch(), defaults.patch()),
                choice("gates.launch", gates.launch(), defaults.launch()));
    }

    private BudgetSpec budget(SpecDocument.Budget budget) {
        return new BudgetSpec(limit("budget.llm_usd", budget.llmUsd()), limit("budget.gpu_hours", budget.gpuHours()));
    }

    private OptionalDouble limit(String path, Double value) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (!(value >= 0)) {
            problems.at(path, Words.number(value) + " is negative; use a number of at least 0, or leave the key out "
                    + "for no limit.");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(value);
    }

    private String required(String path, String value, String hint) {
        if (value == null || value.isBlank()) {
            problems.at(path, "is required; " + hint);
            return "";
        }
        return value;
    }

    /** The entries of a list of text; each must have some. */
    private List<String> texts(String path, List<String> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == null || entries.get(i).isBlank()) {
                problems.at(path + "[" + i + "]", EMPTY_ENTRY);
            }
        }
        return entries.stream().filter(entry -> entry != null && !entry.isBlank()).toList();
    }

    private int atLeast(String path, Integer value, int min, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            problems.at(path, value + " is too small; use a whole number of at least " + min + ".");
            return fallback;
        }
        return value;
    }

    private <T> T parsed(String path, String written, Function<String, Optional<T>> parser, T fallback, String hint) {
        if (written == null) {
            return fallback;
        }
        return parser.apply(written).orElseGet(() -> {
            problems.at(path, "'" + written + "' " + hint);
            return fallback;
        });
    }

    private <E extends Enum<E>> E choice(String path, String written, E fallback) {
        if (written == null) {
            return fallback;
        }
        E[] options = fallback.getDeclaringClass().getEnumConstants();
        for (E option : options) {
            if (WireNames.of(option).equals(written)) {
                return option;
            }
        }
        List<String> allowed = Arrays.stream(options).map(WireNames::of).toList();
        problems.at(path, "'" + written + "' is not allowed; use " + Words.list(allowed, "or") + ".");
        return fallback;
    }
}
