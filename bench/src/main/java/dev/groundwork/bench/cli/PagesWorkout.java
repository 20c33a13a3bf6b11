package dev.groundwork.bench.cli;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.gui.StudyAtRest;
import dev.groundwork.app.gui.WindowDesks;
import dev.groundwork.model.analytics.Leaderboard;
import dev.groundwork.model.analytics.LineageGraph;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.views.charts.LineageCanvas;
import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.settings.SettingsPorts;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

/**
 * The Analytics and Lineage pages used on a large study (one `groundwork dev synth` makes), with the pulse probe
 * measuring how long the FX thread keeps work waiting: first the window idle (the baseline), then each step a
 * researcher takes — open Analytics, pick three runs, scroll the page, open Lineage, pan, zoom with the wheel, select
 * nodes, switch pages — each reported on its own (median / p99 / max of the probe's delay).
 */
final class PagesWorkout {

    /** One step's probes, by when it began and ended on the probe's clock. */
    private record Phase(String name, double from, double to) {}

    private final StudyLibrary studies;
    private final WindowDesks desks;
    private final SettingsPorts settingsPorts;
    private final CliPrinter printer;
    private final List<Phase> phases = new ArrayList<>();
    private long start;
    private PulseProbe probe;
    private TreeFrames treeShown;

    /**
     * When the Lineage page's first frame with the tree came, against when the page was asked for (the workout's first
     * opening of the page, as a researcher's click): the pulse that laid out a frame with the tree's blocks drawn (not
     * the stand-in shown while they are written). The frame is handed to the renderer in that pulse, once the frame
     * before has been painted; when its own paint ends is not known here (the pulse logger shows whole pages at 20-63
     * ms on the software renderer).
     */
    private static final class TreeFrames implements Runnable {
        volatile javafx.scene.Scene scene;
        volatile LineageCanvas canvas;
        volatile long asked;
        volatile long laidOut;

        @Override
        public void run() {
            if (laidOut != 0) {
                return;
            }
            if (canvas == null) {
                canvas = (LineageCanvas) scene.lookup("#lineage-canvas"); // the page's steps add it
            }
            if (canvas != null && canvas.drawnNodes() > 0) {
                laidOut = System.nanoTime();
            }
        }
    }

    /**
     * When the window prepared the pages not shown yet (a hidden page behind the one shown, seen at the end of each
     * frame), in seconds from the window's settling; until then the probe's waits are the study's reading.
     */
    private static final class PagesPrepared implements Runnable {
        private Parent content;
        private PulseProbe probe;
        private volatile long first;
        private volatile long last;
        double from = Double.MAX_VALUE;
        double to = Double.MAX_VALUE;

        void watch(Scene scene, PulseProbe probe) {
            this.content = (Parent) scene.lookup("#page-content");
            this.probe = probe;
            scene.addPostLayoutPulseListener(this);
        }

        @Override
        public void run() {
            // A page being prepared is hidden and laid out; once prepared, it waits hidden out of the layout.
            boolean preparing = content.getChildrenUnmodifiable().stream()
                    .anyMatch(node -> !node.isVisible() && node.isManaged());
            if (preparing) {
                if (first == 0) {
                    first = System.nanoTime();
                    probe.step("pages prepared");
                }
                last = System.nanoTime();
            }
        }

        void since(long start) {
            if (first != 0) {
                from = (first - start) / 1e9;
                to = (last - start) / 1e9;
            }
        }
    }

    PagesWorkout(StudyLibrary studies, WindowDesks desks, SettingsPorts settingsPorts, CliPrinter printer) {
        this.studies = studies;
        this.desks = desks;
        this.settingsPorts = settingsPorts;
        this.printer = printer;
    }

    void run(Path study, int idleSeconds) throws Exception {
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        AtomicReference<MainViewModel> window = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        AtomicReference<BackgroundTaskExecutor> executor = new AtomicReference<>();
        CompletableFuture<Void> opened = new CompletableFuture<>();
        Platform.startup(() -> {
            BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(new FxUiThread());
            MainViewModel vm = new MainViewModel(studies, tasks, Theme.LIGHT, desks, "bench", settingsPorts);
            Stage shown = new Stage();
            MainView view = new MainView(vm);
            view.install(shown, 1280, 800);
            shown.show();
            vm.pageProperty().set(Page.IDEAS);
            vm.statusProperty().addListener((o, old, status) -> opened.complete(null));
            StudyAtRest.install(vm, view, tasks); // as the app's window does
            vm.openStudy(study);
            window.set(vm);
            stage.set(shown);
            executor.set(tasks);
        });
        try {
            opened.get(120, TimeUnit.SECONDS);
            MainViewModel vm = window.get();
            List<PulseProbe.Sample> idle;
            List<PulseProbe.Sample> resting;
            List<String> restingFrozen;
            PagesPrepared preparing = new PagesPrepared();
            List<CollectorPauses.Pause> beforeUse;
            try (CollectorPauses settling = new CollectorPauses(System.nanoTime())) {
                // The first page's reads and its first frames settle; at rest, the pages not shown yet are prepared.
                long settleStart = System.nanoTime();
                try (PulseProbe probe = new PulseProbe(() -> 0)) {
                    probe.step("the study read");
                    fx(() -> preparing.watch(stage.get().getScene(), probe));
                    Thread.sleep(10_000);
                    fx(() -> stage.get().getScene().removePostLayoutPulseListener(preparing));
                    resting = probe.samples();
                    restingFrozen = probe.frozenAt(10);
                }
                preparing.since(settleStart);
                printer.note("Window open on " + study + "; measuring it idle for " + idleSeconds + " s…");
                try (PulseProbe probe = new PulseProbe(() -> 0)) {
                    Thread.sleep(idleSeconds * 1000L);
                    idle = probe.samples();
                }
                beforeUse = settling.pauses();
            }
            printer.note("Using the Analytics and Lineage pages…");
            List<PulseProbe.Sample> used;
            List<String> frozen;
            List<CollectorPauses.Pause> collected;
            try (PulseProbe probe = new PulseProbe(() -> 0)) {
                start = System.nanoTime(); // the steps' clock, as the probe's (it started a moment before)
                this.probe = probe;
                try (CollectorPauses pauses = new CollectorPauses(start)) {
                    workout(vm, stage.get());
                    Thread.sleep(100); // the last probes land
                    collected = pauses.pauses();
                }
                used = probe.samples();
                frozen = probe.frozenAt(40);
            }
            report(preparing, resting, idle, used);
            reportPauses(collected);
            printer.result(String.format(Locale.ROOT, "           Lineage's first frame with the tree laid out and handed to"
                    + " the renderer %.1f ms after the page was asked for (target 200 ms)",
                    (treeShown.laidOut - treeShown.asked) / 1e6));
            printer.result(String.format(Locale.ROOT,
                    "           collector pauses once the study was read, before the pages were used: %d%s", beforeUse.size(),
                    beforeUse.stream().map(pause -> String.format(Locale.ROOT, ", %.1f ms (%s)", pause.millis(), pause.cause()))
                            .collect(java.util.stream.Collectors.joining())));
            if (!restingFrozen.isEmpty()) {
                printer.note("Where the FX thread was while probes waited over 50 ms before the pages were used:");
                restingFrozen.forEach(place -> printer.note("  " + place));
            }
            if (!frozen.isEmpty()) {
                printer.note("Where the FX thread was while probes waited over 50 ms, by step:");
                frozen.forEach(place -> printer.note("  " + place));
            }
        } finally {
            Platform.runLater(() -> {
                if (window.get() != null) {
                    window.get().shutdown();
                    executor.get().close();
                }
            });
            Platform.exit();
        }
    }

    private void workout(MainViewModel vm, Stage stage) throws Exception {
        phase("open Analytics (read the study)", () -> {
            fx(() -> vm.pageProperty().set(Page.ANALYTICS));
            waitFor(120, () -> !vm.analytics().leaderboard().isEmpty());
            Thread.sleep(1000);
        });
        phase("pick three runs (their curves read and drawn)", () -> {
            List<Long> three = new ArrayList<>();
            fx(() -> vm.analytics().leaderboard().stream().limit(3).map(Leaderboard.Row::runId).forEach(three::add));
            fx(() -> vm.analytics().pick(three));
            waitFor(60, () -> vm.analytics().curvesProperty().get().size() >= three.size());
            Thread.sleep(1000);
        });
        phase("scroll the page down and back (40 wheel steps)", () -> {
            ScrollPane page = (ScrollPane) stage.getScene().lookup("#page-analytics");
            for (int i = 0; i < 40; i++) {
                double step = i < 20 ? 0.05 : -0.05;
                fx(() -> page.setVvalue(Math.clamp(page.getVvalue() + step, 0, 1)));
                Thread.sleep(16);
            }
            Thread.sleep(300);
        });
        TreeFrames frames = new TreeFrames();
        phase("open Lineage (lay out and fit the tree)", () -> {
            fx(() -> {
                frames.asked = System.nanoTime();
                vm.pageProperty().set(Page.LINEAGE);
                frames.scene = stage.getScene();
                frames.scene.addPostLayoutPulseListener(frames);
            });
            waitFor(120, () -> vm.lineage().graphProperty().get() != null && frames.laidOut != 0);
            Thread.sleep(1000);
            fx(() -> stage.getScene().removePostLayoutPulseListener(frames));
        });
        treeShown = frames;
        LineageCanvas canvas = frames.canvas;
        phase("pan the tree fitted (60 drags of a frame)", () -> pan(canvas, 60));
        phase("zoom with the wheel to full size and back (60 steps)", () -> {
            for (int i = 0; i < 60; i++) {
                double factor = i < 30 ? 1.08 : 1 / 1.08;
                fx(() -> canvas.zoomGesture(factor, canvas.getWidth() / 2, canvas.getHeight() / 2));
                Thread.sleep(16);
            }
            Thread.sleep(400); // the sharp frame once the wheel pauses
        });
        phase("zoom in to full size, then pan (60 drags)", () -> {
            fx(() -> canvas.zoomAt(1 / canvas.zoom(), canvas.getWidth() / 2, canvas.getHeight() / 2));
            pan(canvas, 60);
        });
        phase("select nodes on the best path (side panel, diff, curves)", () -> {
            LineageGraph graph = vm.lineage().graphProperty().get();
            List<Long> path = graph.bestPath();
            for (int i = path.size() - 1; i >= Math.max(0, path.size() - 3); i--) {
                long id = path.get(i);
                fx(() -> vm.lineage().select(id));
                Thread.sleep(1500);
            }
        });
        phase("switch between Analytics and Lineage (6 times)", () -> {
            for (int i = 0; i < 6; i++) {
                Page page = i % 2 == 0 ? Page.ANALYTICS : Page.LINEAGE;
                fx(() -> vm.pageProperty().set(page));
                Thread.sleep(700);
            }
        });
    }

    private static void pan(LineageCanvas canvas, int steps) throws Exception {
        for (int i = 0; i < steps; i++) {
            double dx = i % 20 < 10 ? 12 : -12;
            fx(() -> canvas.panBy(dx, dx / 2));
            Thread.sleep(16);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private void phase(String name, Step step) throws Exception {
        double from = (System.nanoTime() - start) / 1e9;
        probe.step(name.replaceAll(" \\(.*", ""));
        step.run();
        phases.add(new Phase(name, from, (System.nanoTime() - start) / 1e9));
    }

    /** Posts work to the FX thread without waiting for it: a step is what a researcher's input would queue. */
    private static void fx(Runnable work) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                work.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the page did not finish reading in " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }

    private void report(PagesPrepared preparing, List<PulseProbe.Sample> resting, List<PulseProbe.Sample> idle,
                        List<PulseProbe.Sample> used) {
        printer.result("pages      FX thread delay of a 10 ms probe (ms): median / p99 / max");
        printer.result(line("the study read and its first page shown", delays(resting.stream()
                .filter(s -> s.atSeconds() < preparing.from).toList())));
        printer.result(line(String.format(Locale.ROOT, "at rest, the pages not shown prepared hidden (%.1f s)",
                preparing.to - preparing.from), delays(resting.stream()
                .filter(s -> s.atSeconds() >= preparing.from && s.atSeconds() <= preparing.to).toList())));
        printer.result(line("idle window", delays(idle)));
        for (Phase phase : phases) {
            printer.result(line(phase.name(), delays(used.stream()
                    .filter(s -> s.atSeconds() >= phase.from() && s.atSeconds() < phase.to()).toList())));
        }
        double[] all = delays(used);
        printer.result(line("all of it", all));
        printer.result(String.format(Locale.ROOT, "           longest freeze while the pages are used: %.1f ms (target 50 ms)",
                all.length == 0 ? 0 : all[all.length - 1]));
    }

    /** The collector's pauses by the step they fell in: a long wait there may be one of these, not the page's work. */
    private void reportPauses(List<CollectorPauses.Pause> pauses) {
        List<String> where = new ArrayList<>();
        for (CollectorPauses.Pause pause : pauses) {
            double at = pause.atSeconds();
            String step = phases.stream().filter(phase -> at >= phase.from() && at < phase.to()).map(Phase::name)
                    .map(name -> name.replaceAll(" \\(.*", "")).findFirst().orElse("between steps");
            where.add(String.format(Locale.ROOT, "%s %.1f", step, pause.millis()));
        }
        double longest = pauses.stream().mapToDouble(CollectorPauses.Pause::millis).max().orElse(0);
        printer.result(String.format(Locale.ROOT, "           collector pauses while the pages are used: %d, longest %.1f ms%s",
                pauses.size(), longest, where.isEmpty() ? "" : " (" + String.join(", ", where) + ")"));
    }

    private static String line(String what, double[] sorted) {
        if (sorted.length == 0) {
            return String.format(Locale.ROOT, "           %-58s no samples", what);
        }
        return String.format(Locale.ROOT, "           %-58s %6.2f / %6.2f / %6.1f   (%d probes)", what,
                sorted[sorted.length / 2], sorted[Math.min(sorted.length - 1, (int) Math.floor(0.99 * sorted.length))],
                sorted[sorted.length - 1], sorted.length);
    }

    private static double[] delays(List<PulseProbe.Sample> samples) {
        return samples.stream().mapToDouble(PulseProbe.Sample::delayMillis).sorted().toArray();
    }
}
