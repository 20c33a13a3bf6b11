package dev.groundwork.views.runs;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/** A real study on the minimal template (its reward metric is val_loss) where tests make runs through the store. */
final class RunsStudy implements AutoCloseable {

    static final String METRIC = "val_loss";

    final SettingsStore settings;
    final StudyFolder study;
    final RunMonitor monitor;

    RunsStudy(Path temp) throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        StudyLibrary library = new StudyLibrary(new TemplateCatalog(RunsStudy.class.getClassLoader()), settings, dirs,
                Clock.systemUTC());
        library.create(temp.resolve("study"), "minimal").close();
        study = library.open(temp.resolve("study"));
        monitor = new RunMonitor(study);
    }

    Idea idea(String title) {
        return study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, title, "", List.of(), null));
    }

    /** An applied patch of the idea, as the loop would run. */
    Patch patch(Idea idea) {
        Patch patch = study.store().patches().add(new NewPatch(idea.id(), "diff", "base", null, "catalog"));
        return study.store().patches().markApplied(patch.id(), "applied", patch.diff(), "c0ffee" + patch.id());
    }

    /** A run (of the baseline when {@code idea} is null) that is running now, with its log written and its curve so far. */
    Run running(Idea idea, int epoch, String log, int steps, LongToDoubleFunction curve) throws Exception {
        return running(idea == null ? null : patch(idea), idea, epoch, log, steps, curve);
    }

    /** A run of a patch (of the baseline when null) that is running now, with its log written and its curve so far. */
    Run running(Patch patch, Idea idea, int epoch, String log, int steps, LongToDoubleFunction curve) throws Exception {
        return running(patch, idea, epoch, log, steps, curve, "local", List.of(0), Reproducibility.none());
    }

    /**
     * A run on {@code host}'s GPUs that is running now, started as {@code started} records it (a container run's image
     * digest and GPU model, say).
     */
    Run running(Patch patch, Idea idea, int epoch, String log, int steps, LongToDoubleFunction curve, String host,
                List<Integer> gpuIds, Reproducibility started) throws Exception {
        Run run = study.store().runs().queue(new NewRun(patch == null ? null : patch.id(), idea == null ? null : idea.id(),
                epoch, Reproducibility.none()));
        String logPath = "runs/" + run.id() + "/log.txt";
        study.store().runs().markStarting(run.id(), host, gpuIds, logPath);
        Path file = study.dir().resolve(logPath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, log);
        study.store().runs().markRunning(run.id(), "pid-" + run.id(), started);
        appendMetric(run.id(), 0, steps, curve);
        return study.store().runs().get(run.id());
    }

    void appendMetric(long runId, long from, long to, LongToDoubleFunction curve) {
        List<MetricPoint> points = new ArrayList<>();
        for (long step = from; step < to; step++) {
            points.add(new MetricPoint(runId, METRIC, step, curve.applyAsDouble(step), step * 0.1));
            points.add(new MetricPoint(runId, "lr", step, 0.01, step * 0.1));
        }
        study.store().metrics().append(points);
        study.store().metrics().flush();
    }

    Run succeeded(long runId, double reward) {
        return study.store().runs().finish(runId, RunStatus.SUCCEEDED, 0, null, reward);
    }

    Run failed(long runId, FailureClass failure) {
        return study.store().runs().finish(runId, RunStatus.FAILED, 1, failure, null);
    }

    Run queued(Idea idea) {
        return study.store().runs().queue(new NewRun(idea == null ? null : patch(idea).id(), idea == null ? null : idea.id(),
                0, Reproducibility.none()));
    }

    @Override
    public void close() throws Exception {
        study.close();
        settings.close();
    }
}
