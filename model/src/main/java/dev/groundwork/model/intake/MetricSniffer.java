package dev.groundwork.model.intake;

import dev.groundwork.model.metrics.MetricParser;
import dev.groundwork.model.spec.MetricRegex;
import dev.groundwork.model.spec.MetricsSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a program's output for metric lines in the formats research code prints — JSON lines, {@code key=value} or
 * {@code key: value} pairs with a step, modded-nanogpt's {@code step:N/M val_loss:X train_time:Yms} — and proposes the
 * spec's {@code metrics} and {@code reward} from what it saw. JSON lines are read by the spec's own parser, and a
 * proposed regex is checked on the lines it came from, so what it proposes is what a run will read.
 */
public final class MetricSniffer {

    /** What one line was, when it was a metric line. */
    public enum Kind {
        JSON("JSON line"), PAIRS("key=value pairs"), NANOGPT("step:N/M pairs (modded-nanogpt)");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** A metric line seen, with the metrics it holds and their values on it (in the line's order). */
    public record Seen(Kind kind, String line, List<String> metrics, Map<String, Double> values) {
        public Seen {
            metrics = List.copyOf(metrics);
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** The proposal: the format, the metrics it reads, the reward among them and its goal. */
    public record Proposal(MetricFormat format, List<String> metrics, String reward, String goal, int lines) {}

    private static final Set<String> STEP_KEYS = Set.of("step", "iter", "iteration", "epoch");
    private static final Pattern PAIR = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*([=:])\\s*"
            + "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)(/\\d+)?(?:ms|s)?(?![\\w.])");

    private final MetricParser json = MetricParser.of(new MetricsSpec(MetricsSpec.Parser.JSONL, Optional.empty()));
    private final List<Seen> seen = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private String stepKey;
    private boolean stepTotal;
    private final Set<String> pairMetrics = new LinkedHashSet<>();
    private final Set<String> jsonMetrics = new LinkedHashSet<>();

    /** Looks at one output line; returns what it was when it was a metric line. */
    public synchronized Optional<Seen> accept(String line) {
        lines.add(line);
        List<MetricParser.Value> values = json.parse(line);
        if (!values.isEmpty()) {
            List<String> names = values.stream().map(MetricParser.Value::name).distinct().toList();
            jsonMetrics.addAll(names);
            Map<String, Double> numbers = new LinkedHashMap<>();
            values.forEach(value -> numbers.put(value.name(), value.value()));
            return record(new Seen(Kind.JSON, line, names, numbers));
        }
        Matcher m = PAIR.matcher(line);
        String step = null;
        boolean total = false;
        boolean colonsOnly = true;
        List<String> names = new ArrayList<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        while (m.find()) {
            String key = m.group(1);
            colonsOnly &= m.group(2).equals(":");
            if (step == null && STEP_KEYS.contains(key) && m.group(3).matches("\\d+")) {
                step = key;
                total = m.group(4) != null;
            } else if (step != null && !STEP_KEYS.contains(key)) {
                names.add(key);
                numbers.put(key, Double.parseDouble(m.group(3)));
            }
        }
        if (step == null || names.isEmpty()) {
            return Optional.empty();
        }
        if (stepKey == null) {
            stepKey = step;
            stepTotal = total;
        }
        if (step.equals(stepKey)) {
            pairMetrics.addAll(names);
        }
        return record(new Seen(total && colonsOnly ? Kind.NANOGPT : Kind.PAIRS, line, names, numbers));
    }

    private Optional<Seen> record(Seen line) {
        seen.add(line);
        return Optional.of(line);
    }

    public synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Empty when no metric line was seen (or none the proposed format reads back). */
    public synchronized Optional<Proposal> proposal() {
        long jsonLines = seen.stream().filter(s -> s.kind() == Kind.JSON).count();
        long pairLines = seen.size() - jsonLines;
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        MetricFormat format;
        List<String> metrics;
        if (jsonLines >= pairLines) {
            format = MetricFormat.JSONL;
            metrics = List.copyOf(jsonMetrics);
        } else {
            format = MetricFormat.pairs(stepKey, stepTotal, List.copyOf(pairMetrics));
            metrics = List.copyOf(pairMetrics);
        }
        MetricParser parser = MetricParser.of(new MetricsSpec(format.regex() == null ? MetricsSpec.Parser.JSONL
                : MetricsSpec.Parser.REGEX, Optional.ofNullable(format.regex()).map(MetricRegex::compile)));
        int read = (int) lines.stream().filter(line -> !parser.parse(line).isEmpty()).count();
        if (read == 0) {
            return Optional.empty();
        }
        return MetricFormat.rewardAmong(metrics)
                .map(reward -> new Proposal(format, metrics, reward, MetricFormat.goalOf(reward), read));
    }
}
