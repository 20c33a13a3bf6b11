package dev.groundwork.model.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a program prints its metrics, as the spec's {@code metrics} section writes it: JSON lines, or a regex for
 * {@code key=value} / {@code key: value} pairs (modded-nanogpt's {@code step:N/M val_loss:X train_time:Yms} among them).
 *
 * @param regex null for JSON lines
 */
public record MetricFormat(String parser, String regex) {

    public static final MetricFormat JSONL = new MetricFormat("jsonl", null);
    private static final String NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";

    /** Metrics that reward, best first; a program that prints several is judged by the first of these it prints. */
    private static final List<String> PREFERRED = List.of("val_bpb", "val_loss", "valid_loss", "eval_loss", "test_loss",
            "val_ppl", "val_perplexity", "perplexity", "ppl", "val_acc", "val_accuracy", "eval_accuracy",
            "test_accuracy", "test_acc", "accuracy", "acc", "f1", "score", "reward", "bpb", "loss", "train_loss");
    private static final Pattern MAXIMIZED = Pattern.compile("acc|f1|score|reward|auc|bleu|rouge|map|precision|recall");

    /**
     * A regex for lines of {@code key=value} or {@code key: value} pairs that start with the step, e.g.
     * {@code step=10 val_loss=2.31}; each metric group is optional, in the order the line prints them.
     *
     * @param stepKey how the line names its step (step, iter, epoch…)
     * @param stepTotal the step is written N/M
     */
    public static MetricFormat pairs(String stepKey, boolean stepTotal, List<String> metrics) {
        StringBuilder regex = new StringBuilder("\\b")
                .append(stepKey.matches("\\w+") ? stepKey : Pattern.quote(stepKey));
        regex.append("\\s*[=:]\\s*(?<step>\\d+)");
        if (stepTotal) {
            regex.append("/\\d+");
        }
        for (String metric : metrics) {
            regex.append("(?:.*?\\b").append(metric).append("\\s*[=:]\\s*(?<").append(metric).append('>')
                    .append(NUMBER).append("))?");
        }
        return new MetricFormat("regex", regex.toString());
    }

    /** The metric to reward among those seen: the first of the usual ones, else the first seen. */
    public static Optional<String> rewardAmong(List<String> metrics) {
        for (String preferred : PREFERRED) {
            if (metrics.contains(preferred)) {
                return Optional.of(preferred);
            }
        }
        return metrics.stream().filter(name -> !name.equals("step")).findFirst();
    }

    /** Losses, perplexities and times go down; accuracies and scores go up. */
    public static String goalOf(String metric) {
        return MAXIMIZED.matcher(metric.toLowerCase(Locale.ROOT)).find() ? "maximize" : "minimize";
    }

    public String describe() {
        return regex == null ? "JSON lines" : "regex " + regex;
    }
}
