package dev.groundwork.views.shell;

import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Studies;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.TemplateInfo;
import dev.groundwork.views.common.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open study. Opening, creating, reading status and closing are I/O, so they go through the {@link TaskExecutor};
 * the properties change on the UI thread only. At most one study is open: opening another closes the previous one.
 */
final class StudySession {

    private static final Logger LOG = LoggerFactory.getLogger(StudySession.class);

    private final Studies studies;
    private final TaskExecutor tasks;
    private final Consumer<UserError> errors;
    private final ReadOnlyObjectWrapper<Study> study = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StudyStatus> status = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<TemplateInfo> templates = FXCollections.observableArrayList();
    /** Completes when the last study handed to a background close is closed; an open waits for it (same folder, same lock). */
    private CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);
    /** Counts opens and creates so that only the latest one requested is shown, whichever finishes first. */
    private long loads;
    private boolean shutDown;

    StudySession(Studies studies, TaskExecutor tasks, Consumer<UserError> errors) {
        this.studies = studies;
        this.tasks = tasks;
        this.errors = errors;
    }

    ReadOnlyObjectProperty<Study> studyProperty() {
        return study.getReadOnlyProperty();
    }

    /** The open study's status; null while none is open or it is being read for the first time. */
    ReadOnlyObjectProperty<StudyStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    ObservableList<Path> recent() {
        return FXCollections.unmodifiableObservableList(recent);
    }

    ObservableList<TemplateInfo> templates() {
        return FXCollections.unmodifiableObservableList(templates);
    }

    void open(Path dir) {
        Study current = study.get();
        if (current != null && sameFolder(current.dir(), dir)) {
            // Opening it again would contend with our own lock; the user wants fresh numbers.
            refreshStatus();
            return;
        }
        load("Opening " + dir.getFileName(), () -> studies.open(dir), "Could not open the study");
    }

    void openDemo() {
        load("Opening the demo study", studies::openDemo, "Could not open the demo study");
    }

    /** Shows a study made elsewhere (the New Study window), already open, closing the one open before. */
    void adopt(Study made) {
        load("Opening " + made.name(), () -> made, "Could not open the study");
    }

    void refreshStatus() {
        Study current = study.get();
        if (current == null) {
            return;
        }
        tasks.submit("Reading " + current.name(), progress -> current.status(),
                fresh -> {
                    if (study.get() == current) {
                        status.set(fresh);
                    }
                },
                failure -> {
                    if (study.get() == current) {
                        errors.accept(UserError.of("Could not read the study", failure));
                    }
                });
    }

    void refreshRecent() {
        tasks.submit("Reading recent studies", progress -> studies.recent(), recent::setAll,
                failure -> errors.accept(UserError.of("Could not read the recent studies", failure)));
    }

    /** Reads the bundled templates once. */
    void loadTemplates() {
        if (!templates.isEmpty()) {
            return;
        }
        tasks.submit("Reading study templates", progress -> studies.templates(), templates::setAll,
                failure -> errors.accept(UserError.of("Could not read the study templates", failure)));
    }

    /** Closes the open study now, on the calling thread (the app is exiting); later opens are closed as they arrive. */
    void shutdown() {
        shutDown = true;
        Study current = study.get();
        study.set(null);
        status.set(null);
        if (current != null) {
            closeQuietly(current);
        }
    }

    private void load(String taskName, Opener opener, String errorTitle) {
        if (shutDown) {
            return;
        }
        long load = ++loads;
        CompletableFuture<Void> previousClosed = closing;
        tasks.submit(taskName, progress -> {
            previousClosed.join();
            return Opened.read(opener.open(), studies);
        }, opened -> show(load, opened), failure -> errors.accept(UserError.of(errorTitle, failure)));
    }

    private void show(long load, Opened opened) {
        if (shutDown) {
            closeQuietly(opened.study());
            return;
        }
        if (load != loads) {
            closeInBackground(opened.study());
            return;
        }
        Study previous = study.get();
        study.set(opened.study());
        status.set(opened.status());
        recent.setAll(opened.recent());
        if (previous != null) {
            closeInBackground(previous);
        }
    }

    private void closeInBackground(Study previous) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        closing = closed;
        tasks.submit("Closing " + previous.name(), progress -> {
            try {
                previous.close();
            } finally {
                closed.complete(null);
            }
            return null;
        }, done -> {}, failure -> LOG.warn("Could not close the study {}", previous.dir(), failure));
    }

    private static void closeQuietly(Study study) {
        try {
            study.close();
        } catch (RuntimeException e) {
            LOG.warn("Could not close the study {}", study.dir(), e);
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    @FunctionalInterface
    private interface Opener {
        Study open() throws Exception;
    }

    /** What an open reads off the UI thread; closeable so that a cancelled open does not leak the study. */
    private record Opened(Study study, StudyStatus status, List<Path> recent) implements AutoCloseable {

        static Opened read(Study study, Studies studies) {
            try {
                return new Opened(study, study.status(), studies.recent());
            } catch (RuntimeException e) {
                study.close();
                throw e;
            }
        }

        @Override
        public void close() {
            study.close();
        }
    }
}
