package dev.groundwork.model.probe;

import dev.groundwork.model.common.Folders;
import dev.groundwork.model.dispatch.DataLinks;
import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.intake.CodeSnapshot;
import dev.groundwork.model.intake.MetricSniffer;
import dev.groundwork.model.patch.git.CommitCheckout;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Runs a study's baseline once, briefly, in a scratch checkout of {@code main} (nothing is recorded in the study), and
 * watches its output for metric lines: the researcher sees what the program prints before the spec relies on it.
 */
public final class BaselineProbe {

    /**
     * What the probe saw.
     *
     * @param stoppedAtLimit the run was still going when the probe's time was up (normal for a long training run)
     */
    public record Result(RunExit exit, boolean stoppedAtLimit, List<MetricSniffer.Seen> seen,
                         Optional<MetricSniffer.Proposal> proposal) {

        /** The baseline crashed, or was stopped for something other than the probe's limit. */
        public boolean failed() {
            return !exit.succeeded() && !stoppedAtLimit;
        }
    }

    private final RunTarget target;

    /** @param target where the baseline runs; the probe takes its first slot */
    public BaselineProbe(RunTarget target) {
        this.target = target;
    }

    /** Follows a probe as it goes, from the target's threads. */
    public interface Watcher {

        /** The run started; cancelling it ends the probe with a cancelled exit. */
        default void started(RunHandle run) {}

        /** Every line of output, stdout and stderr. */
        default void line(String line, boolean stderr) {}

        /** A metric line, once it was recognised as one. */
        void metricLine(MetricSniffer.Seen seen);
    }

    /**
     * @param limit         how long the baseline may run (the spec's timeout when that is shorter)
     * @param onMetricLine  each metric line as it comes, from the target's threads
     */
    public Result probe(StudyFolder study, Duration limit, Path scratch, Consumer<MetricSniffer.Seen> onMetricLine)
            throws IOException, RunStartException, InterruptedException {
        RunSpec spec = study.spec().run();
        Path workspace = workspace(scratch);
        new CommitCheckout(study.baseline().dir()).checkout(study.baseline().mainCommit(), workspace);
        Map<String, Path> data = new LinkedHashMap<>();
        spec.sandbox().data().forEach((name, path) -> data.put(name, study.dir().resolve(path).normalize()));
        DataLinks.link(data, workspace);
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        data.keySet().forEach(name -> env.put("GROUNDWORK_DATA_" + name.toUpperCase(Locale.ROOT), "data/" + name));
        Duration timeout = spec.timeout().compareTo(limit) < 0 ? spec.timeout() : limit;
        return run(workspace, spec.command(), env, timeout, limit, scratch, onMetricLine::accept);
    }

    /**
     * Runs code that is not a study yet (the new-study window's test run): its files are written into {@code scratch},
     * nowhere else, and {@code command} runs there for at most {@code limit}.
     */
    public Result probe(CodeSnapshot code, List<String> command, Duration limit, Path scratch, Watcher watcher)
            throws IOException, RunStartException, InterruptedException {
        Path workspace = workspace(scratch);
        code.writeTo(workspace);
        return run(workspace, command, Map.of(), limit, limit, scratch, watcher);
    }

    private static Path workspace(Path scratch) throws IOException {
        Path workspace = scratch.resolve("workspace");
        Folders.deleteTree(workspace);
        Files.createDirectories(workspace);
        return workspace;
    }

    private Result run(Path workspace, List<String> command, Map<String, String> env, Duration timeout, Duration limit,
                       Path scratch, Watcher watcher) throws IOException, RunStartException, InterruptedException {
        Slot slot = target.slots().getFirst();
        MetricSniffer sniffer = new MetricSniffer();
        CompletableFuture<RunExit> exit = new CompletableFuture<>();
        RunHandle handle = target.start(new RunLaunch(0, workspace, command, env, timeout, slot,
                scratch.resolve("log.txt")), new RunListener() {
                    @Override
                    public void onLine(String line, boolean stderr) {
                        watcher.line(line, stderr);
                        if (!stderr) {
                            sniffer.accept(line).ifPresent(watcher::metricLine);
                        }
                    }

                    @Override
                    public void onExit(RunExit ended) {
                        exit.complete(ended);
                    }
                });
        watcher.started(handle);
        RunExit ended;
        try {
            ended = exit.get();
        } catch (InterruptedException e) {
            handle.cancel(); // nobody waits for it any more: no process outlives the probe
            throw e;
        } catch (ExecutionException e) {
            throw new IOException("the probe's run ended without an exit", e);
        }
        boolean atLimit = ended.failure() == FailureClass.TIMEOUT && timeout.equals(limit);
        return new Result(ended, atLimit, sniffer.seen(), sniffer.proposal());
    }
}
