package dev.groundwork.views.shell;

import dev.groundwork.model.search.EpochProgress;
import java.util.Locale;

/**
 * The research loop's progress as the status bar says it, and as a fraction of all its epochs. An epoch is named by its
 * stored number, counted from 0 as everywhere else in the window (the Ideas and Runs tables, exports); how far the loop
 * is comes after it as a count, "Epoch 1 (2 of 3)", so the two cannot be taken for one another.
 */
final class LoopProgressText {

    private LoopProgressText() {}

    static String describe(EpochProgress p) {
        StringBuilder text = new StringBuilder("Epoch ").append(p.epoch()).append(" (").append(p.epoch() + 1)
                .append(" of ").append(p.epochs()).append(") · ");
        text.append(switch (p.stage()) {
            case "baseline" -> "running the baseline";
            case "propose" -> "proposing " + p.ideas() + " of " + p.ideasTarget() + " ideas";
            case "implement" -> "implementing " + p.ideas() + " ideas (" + p.implemented() + " ready)";
            case "run" -> "runs " + p.runsFinished() + " of " + p.runs() + " done";
            case "done" -> "epoch done";
            default -> p.stage();
        });
        if (p.best() != null) {
            text.append(" · best ").append(String.format(Locale.ROOT, "%.4f", p.best()));
            if (p.baseline() != null) {
                text.append(String.format(Locale.ROOT, " (baseline %.4f)", p.baseline()));
            }
        }
        return text.toString();
    }

    /** Epochs done plus how far the current one is, over all epochs; the run stage counts for most of an epoch. */
    static double fraction(EpochProgress p) {
        if (p.epochs() <= 0) {
            return -1;
        }
        double within = switch (p.stage()) {
            case "propose" -> 0.05;
            case "implement" -> 0.1 + 0.2 * ratio(p.implemented(), p.ideas());
            case "run" -> 0.3 + 0.7 * ratio(p.runsFinished(), p.runs());
            case "done" -> 1;
            default -> 0;
        };
        return Math.min(1, (p.epoch() + within) / p.epochs());
    }

    private static double ratio(int done, int of) {
        return of <= 0 ? 0 : Math.min(1, (double) done / of);
    }
}
