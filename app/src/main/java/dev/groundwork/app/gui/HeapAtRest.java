package dev.groundwork.app.gui;

import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.TaskExecutor;
import dev.groundwork.views.shell.MainViewModel;
import java.lang.management.ManagementFactory;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks for a young collection once a study has been opened, its pages have read it, and the window has had no
 * background work for a second. Until some collection moves it, the study's freshly read data (the pages' facts, the
 * tree's layout, their rows) sits in the young generation, and whichever young collection comes next copies it: on the
 * 10,000-idea synthetic study that pause took 80-174 ms and fell at random into a zoom, a pan or a page opening
 * (docs/performance-history.md). Asked for here, it falls where the researcher has just watched the study open.
 * Only where {@code System.gc()} is G1's young pause that starts a concurrent cycle ({@link #FLAG}, which the launcher
 * and the package give the JVM); anywhere else it would be a full collection, longer than the pause it moves, so
 * nothing is asked.
 */
public final class HeapAtRest {

    private static final Logger LOG = LoggerFactory.getLogger(HeapAtRest.class);

    /** The JVM option under which {@code System.gc()} is a young pause, not a full collection. */
    public static final String FLAG = "-XX:+ExplicitGCInvokesConcurrent";
    /** How long the window must have had no background work. */
    static final Duration REST = Duration.seconds(1);

    private final ObservableList<BackgroundTask> tasks;
    private final Runnable collect;
    private final PauseTransition rest = new PauseTransition(REST);
    /** Whether a study was opened since the last collection asked for. */
    private boolean opened;

    /**
     * Watches {@code vm} from now (on the FX thread), when the JVM runs with {@link #FLAG}; the collection is asked for
     * on {@code tasks}, unlisted, since the call returns only once the pause is over.
     */
    public static void install(MainViewModel vm, TaskExecutor tasks) {
        install(vm, ManagementFactory.getRuntimeMXBean().getInputArguments(), () -> tasks.compute(progress -> {
            System.gc();
            return null;
        }, done -> {}, failure -> LOG.warn("Asking for a young collection failed", failure)));
    }

    /** Watches {@code vm}, running {@code collect} at each rest, when {@code jvmOptions} hold {@link #FLAG}. */
    static boolean install(MainViewModel vm, List<String> jvmOptions, Runnable collect) {
        if (!jvmOptions.contains(FLAG)) {
            return false;
        }
        new HeapAtRest(vm, collect);
        return true;
    }

    /** Runs {@code collect} on the FX thread each time a study opened in {@code vm} has come to rest. */
    HeapAtRest(MainViewModel vm, Runnable collect) {
        this.tasks = vm.tasks();
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
                collect.run();
            }
        });
    }

    private void restartWhileOpening() {
        if (opened) {
            rest.playFromStart();
        }
    }
}
