package dev.groundwork.runners.llm;

import dev.groundwork.model.spec.Glob;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.model.spec.StudySpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the agents are told about a study: its description, which files they may edit, how a run goes and how it is
 * scored — from the spec, leaving out what is nobody else's business ({@code run.env} values, budgets, hosts) — and the
 * baseline's README.
 */
public final class StudyDescription {

    private StudyDescription() {
    }

    /**
     * @param readme the baseline's README, if it has one
     */
    public static String of(StudySpec spec, Optional<String> readme) {
        StringBuilder out = new StringBuilder();
        out.append("Study: ").append(spec.name()).append('\n');
        if (!spec.description().isBlank()) {
            out.append('\n').append(spec.description().strip()).append('\n');
        }
        out.append('\n').append("Editable files: ").append(globs(spec.baseline().editable())).append('\n');
        if (!spec.baseline().protectedPaths().isEmpty()) {
            out.append("Protected files (withheld; never change them): ")
                    .append(globs(spec.baseline().protectedPaths())).append('\n');
        }
        RunSpec run = spec.run();
        out.append("Each run: `").append(String.join(" ", run.command())).append("`, stopped after ")
                .append(duration(run.timeout())).append(", on ")
                .append(run.gpusPerRun() == 0 ? "the CPU" : run.gpusPerRun() + " GPU" + (run.gpusPerRun() == 1 ? "" : "s"))
                .append(".\n");
        RewardSpec reward = spec.reward();
        out.append("Reward: the ").append(switch (reward.aggregate()) {
            case LAST -> "last";
            case BEST -> "best";
            case MEAN -> "mean";
        }).append(" value of the metric ").append(reward.metric()).append("; ")
                .append(reward.goal() == RewardSpec.Goal.MINIMIZE ? "lower" : "higher").append(" is better.");
        reward.valid().ifPresent(range -> out.append(String.format(Locale.ROOT, " A reward outside [%s, %s] counts as"
                + " reward hacking and scores as a failed run.", plain(range.low()), plain(range.high()))));
        out.append('\n');
        readme.filter(text -> !text.isBlank()).ifPresent(text ->
                out.append("\n## The baseline's README\n\n").append(text.strip()).append('\n'));
        return out.toString().strip();
    }

    private static String globs(List<Glob> globs) {
        return globs.isEmpty() ? "(none)" : String.join(", ", globs.stream().map(Glob::pattern).toList());
    }

    private static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds >= 3600) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0 && seconds >= 60) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
