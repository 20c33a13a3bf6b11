package dev.groundwork.model.dispatch;

import dev.groundwork.model.common.Folders;
import dev.groundwork.model.execution.ContainerOptions;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.metrics.MetricParser;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.model.spec.Sandbox;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one run on the slot the scheduler gave it: checks its commit out into {@code runs/<id>/workspace}, hands it to
 * the host's target with the spec's command, environment, limits and image, and records what reproducing it needs.
 * A run that cannot start is recorded as failed with a sentence; a host that did not answer is reported as down.
 */
final class Launcher {

    /** A run, the slot it got (its GPUs leased) and, once made, its collector. */
    record Start(Run run, HostSlots host, Slot slot, GpuLeases.Lease lease, RunCollector collector) {
        Start with(RunCollector made) {
            return new Start(run, host, slot, lease, made);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private final StudyFolder study;
    private final CodeCheckout code;
    private final Consumer<String> notes;
    private final BiConsumer<HostSlots, String> hostDown;

    Launcher(StudyFolder study, CodeCheckout code, Consumer<String> notes, BiConsumer<HostSlots, String> hostDown) {
        this.study = study;
        this.code = code;
        this.notes = notes;
        this.hostDown = hostDown;
    }

    RunCollector collector(long runId, Runnable onDone) {
        return new RunCollector(runId, study.store(), MetricParser.of(study.spec().metrics()), study.spec().reward(),
                notes, onDone);
    }

    /** The run's log file, relative to the study folder, as the run record names it. */
    String logPath(long runId) {
        return study.dir().relativize(logFile(runId)).toString();
    }

    void launch(Start start) {
        Run run = start.run();
        RunCollector collector = start.collector();
        Path workspace = runDir(run.id()).resolve("workspace");
        try {
            Files.createDirectories(runDir(run.id()));
            Folders.deleteTree(workspace);
            Files.createDirectories(workspace);
            code.checkout(commitOf(run), workspace);
            if (collector.cancelled()) {
                collector.notStarted(RunStatus.CANCELLED, FailureClass.CANCELLED, null);
                return;
            }
            RunLaunch launch = launchOf(run, start.slot(), workspace);
            if (launch.container().isEmpty()) {
                linkData(workspace);
            }
            RunHandle handle = start.host().target.start(launch, collector);
            RunHandle.HostFacts facts = handle.facts();
            RunSpec spec = study.spec().run();
            collector.started(handle, new Reproducibility(spec.command(), envNames(spec),
                    spec.seed().isPresent() ? spec.seed().getAsLong() : null, facts.imageDigest(), facts.gpuModel()));
        } catch (RunStartException e) {
            if (e.hostDown()) {
                hostDown.accept(start.host(), e.getMessage());
                collector.hostWentDown();
            }
            collector.notStarted(RunStatus.FAILED, FailureClass.INFRA, "Run " + run.id() + " could not start on "
                    + start.host().target.host() + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Run {} could not start", run.id(), e);
            collector.notStarted(RunStatus.FAILED, FailureClass.INFRA, "Run " + run.id() + " could not start: "
                    + e.getMessage());
        }
    }

    /** Follows a run from before a restart, if its target can; empty when it is gone. */
    Optional<Start> reattach(Start start, String handle) {
        Run run = start.run();
        Optional<RunHandle> followed = start.host().target.reattach(handle,
                launchOf(run, start.slot(), runDir(run.id()).resolve("workspace")), start.collector());
        followed.ifPresent(start.collector()::resumed);
        return followed.map(found -> start);
    }

    private RunLaunch launchOf(Run run, Slot slot, Path workspace) {
        RunSpec spec = study.spec().run();
        Sandbox sandbox = spec.sandbox();
        Optional<ContainerOptions> container = spec.target() == RunSpec.Target.DOCKER ? spec.image().map(image ->
                new ContainerOptions(image, sandbox.network(), sandbox.memoryBytes(), sandbox.cpus(), sandbox.pids(),
                        sandbox.user(), sandbox.artifacts(), dataFolders())) : Optional.empty();
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        sandbox.data().keySet().forEach(name -> env.put("GROUNDWORK_DATA_" + name.toUpperCase(Locale.ROOT), "data/" + name));
        return new RunLaunch(run.id(), workspace, spec.command(), env, spec.timeout(), slot, logFile(run.id()),
                study.id(), container);
    }

    /** {@code run.data}'s folders, relative ones resolved against the study folder. */
    private Map<String, Path> dataFolders() {
        Map<String, Path> folders = new LinkedHashMap<>();
        study.spec().run().sandbox().data().forEach((name, path) -> folders.put(name, study.dir().resolve(path).normalize()));
        return folders;
    }

    /** A local run reads {@code run.data} through links in its workspace: a dataset is never copied per run. */
    private void linkData(Path workspace) throws IOException, RunStartException {
        for (Map.Entry<String, Path> folder : dataFolders().entrySet()) {
            if (!Files.isDirectory(folder.getValue())) {
                throw new RunStartException("run.data." + folder.getKey() + " is " + folder.getValue() + ", which is not"
                        + " a folder on this machine; prepare the data there or correct the path in groundwork.yaml");
            }
            Path link = workspace.resolve("data").resolve(folder.getKey());
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, folder.getValue());
        }
    }

    private Path runDir(long runId) {
        return study.runsDir().resolve(String.valueOf(runId));
    }

    private Path logFile(long runId) {
        return runDir(runId).resolve("log.txt");
    }

    private String commitOf(Run run) throws IOException {
        if (run.patchId() == null) {
            return code.mainCommit();
        }
        String commit = study.store().patches().get(run.patchId()).commit();
        if (commit == null) {
            throw new IOException("patch " + run.patchId() + " has no commit to run");
        }
        return commit;
    }

    private static List<String> envNames(RunSpec spec) {
        List<String> names = new ArrayList<>(spec.env().keySet());
        names.add("CUDA_VISIBLE_DEVICES");
        names.add("PYTHONUNBUFFERED");
        return names;
    }
}
