package dev.groundwork.runners.common;

import static org.assertj.core.api.Assertions.fail;

import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Records what a run reports, checks that nothing comes after its one exit, and lets a test wait for either. */
public final class RecordingListener implements RunListener {

    public record Line(String text, boolean stderr) {}

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<Line> lines = new ArrayList<>();
    private final List<RunExit> exits = new ArrayList<>();
    private boolean lineAfterExit;

    @Override
    public synchronized void onLine(String line, boolean stderr) {
        lineAfterExit |= !exits.isEmpty();
        lines.add(new Line(line, stderr));
        notifyAll();
    }

    @Override
    public synchronized void onExit(RunExit exit) {
        exits.add(exit);
        notifyAll();
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<String> texts(boolean stderr) {
        return lines.stream().filter(line -> line.stderr() == stderr).map(Line::text).toList();
    }

    /** Waits for the exit; fails on a second exit or a line after it. */
    public synchronized RunExit awaitExit() throws InterruptedException {
        await(() -> !exits.isEmpty(), "the run's exit");
        wait(50); // a second exit or a late line would arrive now
        if (exits.size() != 1 || lineAfterExit) {
            fail("expected one exit after the last line, got " + exits.size() + " exits, line after exit: "
                    + lineAfterExit);
        }
        return exits.getFirst();
    }

    /** Waits for the first line that matches and returns it. */
    public synchronized String awaitLine(Predicate<String> matching) throws InterruptedException {
        await(() -> lines.stream().map(Line::text).anyMatch(matching), "a matching line");
        return lines.stream().map(Line::text).filter(matching).findFirst().orElseThrow();
    }

    private void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("waited " + WAIT + " for " + what + "; lines so far: " + lines);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
