package dev.groundwork.model.probe;

import dev.groundwork.model.common.Folders;
import dev.groundwork.model.dispatch.DataLinks;
import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.execution.Slot;
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

    /**
     * @param limit         how long the baseline may run (the spec's timeout when that is shorter)
     * @param onMetricLine  each metric line as it comes, from the target's threads
     */
    public Result probe(StudyFolder study, Duration limit, Path scratch, Consumer<MetricSniffer.Seen> onMetricLine)
            throws IOException, RunStartException, InterruptedException {
        RunSpec spec = study.spec().run();
        Path workspace = scratch.resolve("workspace");
        Folders.deleteTree(workspace);
        Files.createDirectories(workspace);
        new CommitCheckout(study.baseline().dir()).checkout(study.baseline().mainCommit(), workspace);
        Map<String, Path> data = new LinkedHashMap<>();
        spec.sandbox().data().forEach((name, path) -> data.put(name, study.dir().resolve(path).normalize()));
        DataLinks.link(data, workspace);
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        data.keySet().forEach(name -> env.put("GROUNDWORK_DATA_" + name.toUpperCase(Locale.ROOT), "data/" + name));
        Duration timeout = spec.timeout().compareTo(limit) < 0 ? spec.timeout() : limit;
        Slot slot = target.slots().getFirst();
        MetricSniffer sniffer = new MetricSniffer();
        CompletableFuture<RunExit> exit = new CompletableFuture<>();
        target.start(new RunLaunch(0, workspace, spec.command(), env, timeout, slot, scratch.resolve("log.txt")),
                new RunListener() {
                    @Override
                    public void onLine(String line, boolean stderr) {
                        if (!stderr) {
                            sniffer.accept(line).ifPresent(onMetricLine);
                        }
                    }

                    @Override
                    public void onExit(RunExit ended) {
                        exit.complete(ended);
                    }
                });
        RunExit ended;
        try {
            ended = exit.get();
        } catch (ExecutionException e) {
            throw new IOException("the probe's run ended without an exit", e);
        }
        boolean atLimit = ended.failure() == FailureClass.TIMEOUT && timeout.equals(limit);
        return new Result(ended, atLimit, sniffer.seen(), sniffer.proposal());
    }
}
