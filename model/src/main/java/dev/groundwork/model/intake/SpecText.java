package dev.groundwork.model.intake;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The groundwork.yaml of a study made from the researcher's own code, in the layout of the bundled templates. Every
 * string is written as a JSON string (valid YAML), the regex single-quoted so its backslashes stay as written.
 */
public final class SpecText {

    private SpecText() {}

    public static String render(StudyPlan plan, Origin origin, String baselinePath) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("name: ").append(quote(plan.name())).append('\n');
        yaml.append("description: ").append(quote("Made from the code in " + origin.describe() + ".")).append('\n');
        yaml.append("baseline:\n");
        yaml.append("  path: ").append(quote(baselinePath)).append('\n');
        yaml.append("  editable: ").append(list(plan.editable())).append('\n');
        if (!plan.protectedPaths().isEmpty()) {
            yaml.append("  protected: ").append(list(plan.protectedPaths())).append('\n');
        }
        yaml.append("run:\n");
        yaml.append("  target: local\n");
        yaml.append("  command: ").append(list(plan.command())).append('\n');
        if (plan.runs().gpusPerRun() > 0) {
            yaml.append("  gpus_per_run: ").append(plan.runs().gpusPerRun()).append('\n');
        }
        yaml.append("  timeout: ").append(plan.runs().timeout()).append('\n');
        yaml.append("metrics:\n");
        yaml.append("  parser: ").append(plan.metrics().parser()).append('\n');
        if (plan.metrics().regex() != null) {
            yaml.append("  regex: '").append(plan.metrics().regex().replace("'", "''")).append("'\n");
        }
        yaml.append("reward: { metric: ").append(quote(plan.rewardMetric())).append(", goal: ").append(plan.goal())
                .append(", aggregate: last").append(plan.valid() == null ? "" : ", valid: [" + number(plan.valid().low())
                        + ", " + number(plan.valid().high()) + "]").append(" }\n");
        yaml.append("search: { epochs: 3, ideas_per_epoch: 4, concurrency: ").append(plan.runs().concurrency())
                .append(" }\n");
        yaml.append("gates: { idea: auto, patch: manual, launch: auto }\n");
        return yaml.toString();
    }

    /** A bound as YAML reads it back: no exponent Java would write for large or tiny values. */
    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).toPlainString();
    }

    private static String list(List<String> items) {
        return items.stream().map(SpecText::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
