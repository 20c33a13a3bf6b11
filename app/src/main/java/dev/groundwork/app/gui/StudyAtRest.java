package dev.groundwork.app.gui;

import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.TaskExecutor;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window does once a study it opened has come to rest: its status and the pages' reads are in, and the window
 * has had no background work for a second. Then
 * <ol>
 * <li>the pages not shown yet that take their first frames in steps are prepared, hidden, one at a time
 * ({@link MainView#preparePages}): their skins, sections and first layout are made now, while the researcher watches
 * the study open, not in the frames that first show them (opening Analytics cold held the FX thread up to 68 ms in a
 * frame; docs/performance.md);</li>
 * <li>a young collection is asked for. Until some collection moves it, the study's freshly read data (the pages' facts,
 * the tree's layout, their rows, and now the prepared pages) sits in the young generation, and whichever young
 * collection comes next copies it: on the 10,000-idea synthetic study that pause took 80-174 ms and fell at random into
 * a zoom, a pan or a page opening (docs/performance-history.md). Only where {@code System.gc()} is G1's young pause
 * that starts a concurrent cycle ({@link #FLAG}, which the launcher and the package give the JVM); anywhere else it
 * would be a full collection, longer than the pause it moves, so nothing is asked.</li>
 * </ol>
 */
public final class StudyAtRest {

    private static final Logger LOG = LoggerFactory.getLogger(StudyAtRest.class);

    /** The JVM option under which {@code System.gc()} is a young pause, not a full collection. */
    public static final String FLAG = "-XX:+ExplicitGCInvokesConcurrent";
    /** How long the window must have had no background work. */
    static final Duration REST = Duration.seconds(1);

    private final ObservableList<BackgroundTask> tasks;
    private final Runnable collect;
    private final Consumer<Runnable> prepare;
    private final PauseTransition rest = new PauseTransition(REST);
    /** Whether a study was opened since the last rest. */
    private boolean opened;

    /**
     * Watches {@code vm} from now (on the FX thread): pages prepared in {@code view}, and under {@link #FLAG} the
     * collection asked for on {@code tasks}, unlisted, since the call returns only once the pause is over.
     */
    public static void install(MainViewModel vm, MainView view, TaskExecutor tasks) {
        install(vm, view::preparePages, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                () -> tasks.compute(progress -> {
                    System.gc();
                    return null;
                }, done -> {}, failure -> LOG.warn("Asking for a young collection failed", failure)));
    }

    /**
     * Watches {@code vm}: at each rest, {@code prepare} (which runs what it is given once the pages are ready), then
     * {@code collect} when {@code jvmOptions} hold {@link #FLAG}. Returns whether it collects.
     */
    static boolean install(MainViewModel vm, Consumer<Runnable> prepare, List<String> jvmOptions, Runnable collect) {
        boolean collects = jvmOptions.contains(FLAG);
        new StudyAtRest(vm, prepare, collects ? collect : () -> {});
        return collects;
    }

    private StudyAtRest(MainViewModel vm, Consumer<Runnable> prepare, Runnable collect) {
        this.tasks = vm.tasks();
        this.prepare = prepare;
        this.collect = collect;
        vm.studyProperty().addListener((property, old, study) -> {
            opened = study != null;
            rest.playFromStart();
        });
        // The study's status arrives first, then each page reads what it shows: each of these restarts the wait.
        vm.statusProperty().addListener((property, old, status) -> restartWhileOpening());
        tasks.addListener((ListChangeListener<BackgroundTask>) change -> restartWhileOpening());
        rest.setOnFinished(event -> {
            if (opened && tasks.isEmpty() && vm.statusProperty().get() != null) {
                opened = false;
                // The collection after the pages, so that it also moves what preparing them made.
                prepare.accept(collect);
            }
        });
    }

    private void restartWhileOpening() {
        if (opened) {
            rest.playFromStart();
        }
    }
}
