package dev.groundwork.views.fakes;

import dev.groundwork.model.analytics.StudyAnalytics;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.search.BaselineCode;
import dev.groundwork.model.search.StudyCode;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import dev.groundwork.views.shell.StudyDesks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A small real search on the minimal template (val_loss, lower is better) for the Analytics and Lineage pages: the
 * baseline, "more steps" bred from it, "higher lr" bred from that, "momentum" from that, each with its code committed on
 * its parent's and a decaying val_loss curve, and "broken" bred from "more steps" whose run crashed.
 */
public final class LineageStudy implements AutoCloseable {

    public final SettingsStore settings;
    public final StudyFolder study;
    public final Patch moreSteps;
    public final Patch higherLr;
    public final Patch momentum;
    public final Idea broken;
    public final Run baselineRun;
    private final StudyCode code;

    public LineageStudy(Path temp) throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        StudyLibrary library = new StudyLibrary(new TemplateCatalog(LineageStudy.class.getClassLoader()), settings, dirs,
                Clock.systemUTC());
        library.create(temp.resolve("study"), "minimal").close();
        study = library.open(temp.resolve("study"));
        code = new BaselineCode(study);
        baselineRun = run(null, null, 0, 1.0, 2.4);
        moreSteps = child("more steps", "more-steps", null, 0);
        run(moreSteps, moreSteps.ideaId(), 0, 0.9, 2.3);
        higherLr = child("higher lr", "higher-lr", moreSteps, 1);
        run(higherLr, higherLr.ideaId(), 1, 0.8, 2.2);
        momentum = child("momentum", "momentum", higherLr, 2);
        run(momentum, momentum.ideaId(), 2, 0.85, 2.25);
        broken = study.store().ideas().propose(new NewIdea(1, IdeaOrigin.LLM_EXPLOIT, "broken", "text",
                List.of(moreSteps.ideaId()), null));
        Run crashed = study.store().runs().queue(new NewRun(null, broken.id(), 1, Reproducibility.none()));
        study.store().runs().markStarting(crashed.id(), "local", List.of(0), "runs/" + crashed.id() + "/log.txt");
        study.store().runs().markRunning(crashed.id(), "pid", Reproducibility.none());
        study.store().runs().finish(crashed.id(), RunStatus.FAILED, 1, FailureClass.CODE, null);
    }

    /** Desks that give the window this study's analytics and nothing else. */
    /** The whole window on this study, opened on {@code page}, in {@code window}. */
    public MainViewModel showIn(TestWindow window, Page page) throws Exception {
        return showIn(window, page, new FakeStudies().with(study));
    }

    /** Shows this study on {@code page} in a window whose other studies are {@code studies}'. */
    public MainViewModel showIn(TestWindow window, Page page, FakeStudies studies) throws Exception {
        MainViewModel vm = new MainViewModel(studies.with(study), new SameThreadTaskExecutor(), Theme.LIGHT,
                desks(), "ada");
        javafx.scene.Scene scene = window.show(() -> new MainView(vm).root(), 1000, 900);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.openStudy(study.dir());
            vm.pageProperty().set(page);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        // A page's sections arrive a step per frame.
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> dev.groundwork.views.common.FirstFrames.settled(scene.getRoot()));
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    public StudyDesks desks() {
        return new StudyDesks() {
            @Override
            public Optional<IdeaInbox> inbox(Study open) {
                return Optional.empty();
            }

            @Override
            public Optional<PatchReview> review(Study open) {
                return Optional.empty();
            }

            @Override
            public Optional<StudyAnalytics> analytics(Study open) {
                return open instanceof StudyFolder folder ? Optional.of(new StudyAnalytics(folder)) : Optional.empty();
            }
        };
    }

    private Patch child(String title, String diffName, Patch parent, int epoch) throws Exception {
        String diff = Files.readString(study.dir().resolve("ideas/" + diffName + ".diff"));
        Idea idea = study.store().ideas().propose(new NewIdea(epoch, IdeaOrigin.CATALOG, title, "text",
                parent == null ? List.of() : List.of(parent.ideaId()), null));
        String base = parent == null ? code.mainCommit() : parent.commit();
        Patch patch = study.store().patches().add(new NewPatch(idea.id(), diff, base, parent == null ? null : parent.id(),
                "catalog"));
        StudyCode.Applied applied = code.apply(idea.id(), diff, base);
        if (!applied.ok()) {
            throw new IllegalStateException(applied.summary());
        }
        return study.store().patches().markApplied(patch.id(), applied.report(), applied.cleanDiff(), applied.commit());
    }

    /**
     * A succeeded run whose val_loss decays from {@code start} towards {@code reward} over 300 steps, its train_loss a
     * little faster and lower.
     */
    private Run run(Patch patch, Long ideaId, int epoch, double reward, double start) {
        Run run = study.store().runs().queue(new NewRun(patch == null ? null : patch.id(), ideaId, epoch,
                Reproducibility.none()));
        study.store().runs().markStarting(run.id(), "local", List.of(0), "runs/" + run.id() + "/log.txt");
        study.store().runs().markRunning(run.id(), "pid", Reproducibility.none());
        List<MetricPoint> points = new ArrayList<>();
        for (long step = 0; step < 300; step++) {
            points.add(new MetricPoint(run.id(), "val_loss", step, reward + (start - reward) * Math.exp(-step / 60.0),
                    step * 0.5));
            points.add(new MetricPoint(run.id(), "train_loss", step,
                    reward - 0.1 + (start - reward) * Math.exp(-step / 50.0), step * 0.5));
        }
        study.store().metrics().append(points);
        study.store().metrics().flush();
        return study.store().runs().finish(run.id(), RunStatus.SUCCEEDED, 0, null, reward);
    }

    @Override
    public void close() {
        study.close();
        settings.close();
    }
}
