package dev.groundwork.app.loop;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.model.search.EpochProgress;
import dev.groundwork.model.search.LoopEvents;
import java.util.Locale;

/**
 * The loop's progress on standard error: one bar per epoch redrawn in place on a terminal, a line per change
 * otherwise (logs, CI). Notes (gates, failures) go on lines of their own. An epoch is named by its stored number,
 * counted from 0 as in the summary, {@code status} and the exports, with how far the loop is as a count after it:
 * "epoch 1 (2 of 3)".
 */
final class ProgressPrinter implements LoopEvents {

    private static final int WIDTH = 24;

    private final CliPrinter printer;
    private final boolean terminal;
    private String lastLine = "";
    private int lastEpoch = -1;

    ProgressPrinter(CliPrinter printer) {
        this.printer = printer;
        this.terminal = System.console() != null && System.console().isTerminal();
    }

    @Override
    public synchronized void progress(EpochProgress p) {
        String line = line(p);
        if (line.equals(lastLine)) {
            return;
        }
        if (terminal) {
            if (p.epoch() != lastEpoch && lastEpoch >= 0) {
                printer.err().print('\n');
            }
            printer.err().print("\r\033[2K" + line);
            printer.err().flush();
        } else {
            printer.note(line);
        }
        lastLine = line;
        lastEpoch = p.epoch();
    }

    @Override
    public synchronized void note(String sentence) {
        if (terminal && !lastLine.isEmpty()) {
            printer.err().print("\r\033[2K");
        }
        printer.note(sentence);
        if (terminal && !lastLine.isEmpty()) {
            printer.err().print(lastLine);
            printer.err().flush();
        }
    }

    synchronized void interrupting() {
        note("Stopping: cancelling running runs and saving state…");
    }

    synchronized void finish() {
        if (terminal && !lastLine.isEmpty()) {
            printer.err().print('\n');
            printer.err().flush();
        }
    }

    static String line(EpochProgress p) {
        int total = Math.max(1, p.ideasTarget() * 2 + Math.max(p.runs(), p.ideasTarget()));
        int done = Math.min(p.ideas(), p.ideasTarget()) + Math.min(p.implemented(), p.ideasTarget()) + p.runsFinished();
        if ("done".equals(p.stage())) {
            done = total;
        }
        int filled = Math.min(WIDTH, WIDTH * done / total);
        String bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
        String best = p.best() == null ? "—" : String.format(Locale.ROOT, "%.4f", p.best());
        String baseline = p.baseline() == null ? "—" : String.format(Locale.ROOT, "%.4f", p.baseline());
        return String.format(Locale.ROOT, "epoch %d (%d of %d) %s  %-9s ideas %d/%d · implemented %d · runs %d/%d"
                        + " · best %s (baseline %s)", p.epoch(), p.epoch() + 1, p.epochs(), bar, p.stage(), p.ideas(),
                p.ideasTarget(), p.implemented(), p.runsFinished(), p.runs(), best, baseline);
    }
}
