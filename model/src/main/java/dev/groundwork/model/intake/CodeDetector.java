package dev.groundwork.model.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes a study's spec from its code: the run command, the editable source files, the protected evaluation files,
 * how metrics are printed and which one is the reward. Each proposal says what it was found from, so that a person can
 * judge it and override it.
 */
public final class CodeDetector {

    static final Set<String> SOURCE_SUFFIXES = Set.of(".py", ".pyx", ".cu", ".cuh", ".c", ".cc", ".cpp", ".cxx", ".h",
            ".hpp", ".jl", ".rs", ".go", ".java", ".scala", ".kt", ".js", ".ts", ".r", ".lua");
    private static final Pattern PROTECTED_NAME = Pattern.compile("(eval.*|evaluate.*|.*_eval\\.py)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAKE_TARGET = Pattern.compile("^(train|run|main)\\s*:(?!=)", Pattern.MULTILINE);
    private static final Pattern JSON_PRINT = Pattern.compile("json\\.dumps?\\(");
    private static final Pattern QUOTED_KEY = Pattern.compile("[\"'](\\w+)[\"']\\s*:");
    private static final Pattern PAIR = Pattern.compile("\\b(\\w+)(=|:)\\s?\\{");

    /** What the detector proposes, and for each part a few words on what it was found from. */
    public record Detection(StudyPlan plan, String commandFrom, String metricsFrom) {}

    public Detection detect(CodeSnapshot code, String name) throws IntakeException {
        List<String> sources = code.files().stream()
                .filter(file -> !file.isLink() && isSource(file.path()) && file.text().isPresent())
                .map(SourceFile::path)
                .toList();
        boolean runnable = code.file("Makefile").isPresent() || code.file("run.sh").isPresent();
        if (sources.isEmpty() && !runnable) {
            throw new IntakeException(code.origin().path() + " holds no source code (no .py, .c, .cu, … files, Makefile"
                    + " or run.sh" + (code.leftOut().isEmpty() ? "" : " once " + code.leftOut().size() + " items were left"
                    + " out") + "); name the folder that holds your training program.");
        }
        List<String> protectedPaths = code.files().stream()
                .filter(file -> !file.isLink() && PROTECTED_NAME.matcher(file.name()).matches())
                .map(SourceFile::path)
                .toList();
        List<String> editable = sources.stream().filter(path -> !protectedPaths.contains(path)).toList();
        Command command = command(code, sources);
        Metrics metrics = metrics(code, sources);
        StudyPlan plan = new StudyPlan(name, command.words, editable, protectedPaths, metrics.format,
                metrics.reward.orElse(null), metrics.reward.map(MetricFormat::goalOf).orElse("minimize"));
        return new Detection(plan, command.from, metrics.from);
    }

    static boolean isSource(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot > lower.lastIndexOf('/') && SOURCE_SUFFIXES.contains(lower.substring(dot));
    }

    private record Command(List<String> words, String from) {}

    private static Command command(CodeSnapshot code, List<String> sources) {
        for (String script : List.of("train.py", "main.py")) {
            if (sources.contains(script)) {
                return new Command(List.of("python3", script), script + " at the top of the code");
            }
        }
        Optional<String> makeTarget = code.file("Makefile").flatMap(SourceFile::text).flatMap(text -> {
            Matcher m = MAKE_TARGET.matcher(text);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
        if (makeTarget.isPresent()) {
            return new Command(List.of("make", makeTarget.get()), "the Makefile's '" + makeTarget.get() + "' target");
        }
        if (code.file("run.sh").isPresent()) {
            return new Command(List.of("bash", "run.sh"), "run.sh at the top of the code");
        }
        Optional<String> deeper = sources.stream()
                .filter(path -> path.endsWith("/train.py") || path.endsWith("/main.py"))
                .min(Comparator.comparingInt((String path) -> path.split("/").length).thenComparing(path -> path));
        return deeper.map(path -> new Command(List.of("python3", path), path))
                .orElse(new Command(List.of(), "nothing: no train.py, main.py, Makefile target or run.sh"));
    }

    private record Metrics(MetricFormat format, Optional<String> reward, String from) {}

    /** Reads the metric format from how the code prints: json.dumps, modded-nanogpt's step:N/M lines, or key=value. */
    private static Metrics metrics(CodeSnapshot code, List<String> sources) {
        for (String path : sources) {
            String text = code.file(path).flatMap(SourceFile::text).orElse("");
            if (text.contains("step:{") && text.contains("val_loss:{")) {
                List<String> names = pairs(text, ":");
                names.remove("step");
                return new Metrics(MetricFormat.pairs("step", text.matches("(?s).*step:\\{[^}]*}/\\{.*"), names),
                        MetricFormat.rewardAmong(names), path + " prints step:N/M val_loss:X lines");
            }
        }
        for (String path : sources) {
            String text = code.file(path).flatMap(SourceFile::text).orElse("");
            if (JSON_PRINT.matcher(text).find()) {
                List<String> keys = new ArrayList<>();
                Matcher m = QUOTED_KEY.matcher(text);
                while (m.find()) {
                    keys.add(m.group(1));
                }
                return new Metrics(MetricFormat.JSONL, MetricFormat.rewardAmong(keys), path + " prints JSON");
            }
        }
        for (String separator : List.of("=", ":")) {
            for (String path : sources) {
                String text = code.file(path).flatMap(SourceFile::text).orElse("");
                List<String> names = pairs(text, separator);
                if (names.contains("step") && names.size() > 1) {
                    names.remove("step");
                    Optional<String> reward = MetricFormat.rewardAmong(names);
                    if (reward.isPresent()) {
                        return new Metrics(MetricFormat.pairs("step", false, names), reward,
                                path + " prints step" + separator + "N key" + separator + "value pairs");
                    }
                }
            }
        }
        return new Metrics(MetricFormat.JSONL, Optional.empty(), "nothing: no metric printing was recognised");
    }

    /** Names printed as f-string pairs {@code name=&#123;…&#125;} (or with ':'), in order, once each. */
    private static List<String> pairs(String text, String separator) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PAIR.matcher(text);
        while (m.find()) {
            if (m.group(2).equals(separator)) {
                names.add(m.group(1));
            }
        }
        return new ArrayList<>(names);
    }
}
