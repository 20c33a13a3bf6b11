package dev.groundwork.bench.runners;

import dev.groundwork.model.common.Folders;
import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.runners.local.LocalProcessTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What the local runner costs a run, measured with {@code python3 -c pass} (for {@code groundwork bench runner}):
 * <ul>
 *   <li>overhead: the median of start → onExit through the runner, less the median of start → waitFor of the same
 *       process started bare with a ProcessBuilder, in alternating rounds (target ≤ 100 ms);</li>
 *   <li>gap: how long one slot stays idle when each onExit starts the next run, from one process ending to the next
 *       one existing (median; target ≤ 100 ms). A run's end is taken as its start call plus its
 *       {@link RunExit#seconds}, which is early by the time the call took to spawn it, so the gap is an upper
 *       bound.</li>
 * </ul>
 */
public final class LocalRunnerBenchmark {

    private static final List<String> COMMAND = List.of("python3", "-c", "pass");
    private static final int WARM_UP = 3;

    /** Medians in milliseconds over {@code rounds} runs of each kind. */
    public record Result(int rounds, double bareMillis, double runnerMillis, double gapMillis) {
        public double overheadMillis() {
            return runnerMillis - bareMillis;
        }
    }

    private LocalRunnerBenchmark() {}

    public static Result run(int rounds) throws IOException, InterruptedException, RunStartException {
        Path dir = Files.createTempDirectory("groundwork-bench-runner");
        try {
            LocalProcessTarget target = LocalProcessTarget.cpu("local", 1);
            Launches launches = new Launches(dir, target.slots().getFirst());
            for (int i = 0; i < WARM_UP; i++) {
                bare(dir);
                throughRunner(target, launches.next());
            }
            double[] bare = new double[rounds];
            double[] runner = new double[rounds];
            for (int i = 0; i < rounds; i++) { // alternate which goes first, so neither always runs on a warmer machine
                if (i % 2 == 0) {
                    bare[i] = bare(dir);
                    runner[i] = throughRunner(target, launches.next());
                } else {
                    runner[i] = throughRunner(target, launches.next());
                    bare[i] = bare(dir);
                }
            }
            Chain chain = new Chain(target, launches, rounds);
            chain.startNext();
            return new Result(rounds, median(bare), median(runner), median(await(chain.done)));
        } finally {
            Folders.deleteTree(dir);
        }
    }

    private static double bare(Path dir) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int exitCode = new ProcessBuilder(COMMAND).directory(dir.toFile()).start().waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        if (exitCode != 0) {
            throw new IllegalStateException(String.join(" ", COMMAND) + " exited with " + exitCode
                    + "; the benchmark needs a working python3 on PATH.");
        }
        return millis;
    }

    private static double throughRunner(LocalProcessTarget target, RunLaunch launch)
            throws RunStartException, InterruptedException {
        CompletableFuture<Long> exited = new CompletableFuture<>();
        long start = System.nanoTime();
        target.start(launch, new RunListener() {
            @Override
            public void onLine(String line, boolean stderr) {}

            @Override
            public void onExit(RunExit exit) {
                long now = System.nanoTime();
                if (exit.succeeded()) {
                    exited.complete(now);
                } else {
                    exited.completeExceptionally(failed(exit));
                }
            }
        });
        return (await(exited) - start) / 1e6;
    }

    /**
     * Runs one after another on one slot, each started from the previous one's onExit, until there is a gap for every
     * round. Its fields are touched by one run's thread at a time: a run's thread starts the next.
     */
    private static final class Chain implements RunListener {
        private final LocalProcessTarget target;
        private final Launches launches;
        private final double[] gaps;
        private final CompletableFuture<double[]> done = new CompletableFuture<>();
        private int started;
        private long startCalled;
        private long previousEnd;

        Chain(LocalProcessTarget target, Launches launches, int rounds) {
            this.target = target;
            this.launches = launches;
            this.gaps = new double[rounds];
        }

        void startNext() {
            startCalled = System.nanoTime();
            started++;
            try {
                target.start(launches.next(), this);
            } catch (RunStartException | RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            if (started > 1) {
                gaps[started - 2] = (System.nanoTime() - previousEnd) / 1e6;
            }
        }

        @Override
        public void onLine(String line, boolean stderr) {}

        @Override
        public void onExit(RunExit exit) {
            if (!exit.succeeded()) {
                done.completeExceptionally(failed(exit));
            } else if (started <= gaps.length) {
                previousEnd = startCalled + (long) (exit.seconds() * 1e9);
                startNext();
            } else {
                done.complete(gaps);
            }
        }
    }

    /** A fresh log file for every run, all in one workspace. */
    private static final class Launches {
        private final Path dir;
        private final Slot slot;
        private long last;

        Launches(Path dir, Slot slot) {
            this.dir = dir;
            this.slot = slot;
        }

        synchronized RunLaunch next() {
            long id = ++last;
            return new RunLaunch(id, dir, COMMAND, Map.of(), Duration.ofMinutes(1), slot,
                    dir.resolve("logs").resolve(id + ".txt"));
        }
    }

    private static IllegalStateException failed(RunExit exit) {
        return new IllegalStateException(String.join(" ", COMMAND) + " failed through the runner (exit "
                + exit.exitCode() + ", " + exit.failure() + "): " + String.join(" | ", exit.tail()));
    }

    private static <T> T await(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The runner benchmark failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
