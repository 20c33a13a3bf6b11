package dev.groundwork.views.newstudy;

import dev.groundwork.views.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Step 6: the study's name and its new folder (a location and a folder name; the folder must not exist or be empty,
 * which is checked in the background as it is typed).
 */
public final class CreateStepViewModel {

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty folderName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper folderProblem = new ReadOnlyStringWrapper("");
    private final StringBinding reason;
    private final LatestWork checks;
    /** Whether the folder name still follows the study's name (until the researcher types one of their own). */
    private boolean folderFollowsName = true;

    CreateStepViewModel(TaskExecutor tasks, Path suggestedLocation) {
        this.checks = new LatestWork(tasks);
        location.set(suggestedLocation.toString());
        name.addListener((o, old, now) -> {
            if (folderFollowsName) {
                folderName.set(folderNameFor(now));
            }
        });
        folderName.addListener((o, old, now) -> {
            folderFollowsName = now.equals(folderNameFor(name.get()));
            checkFolder();
        });
        location.addListener(o -> checkFolder());
        reason = Bindings.createStringBinding(this::reason, name, location, folderName, folderProblem);
    }

    /** Proposes a name (the code's folder or the template's), unless one was typed. */
    void propose(String proposed) {
        if (name.get().isBlank()) {
            name.set(proposed);
        }
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The folder the study's folder is made in. */
    public StringProperty locationProperty() {
        return location;
    }

    public StringProperty folderNameProperty() {
        return folderName;
    }

    public StringBinding reasonProperty() {
        return reason;
    }

    /** The study's folder, when the location and folder name make one. */
    public Optional<Path> folder() {
        String folder = folderName.get().strip();
        if (location.get().isBlank() || folder.isEmpty() || folder.equals(".") || folder.equals("..")
                || folder.contains("/") || folder.contains("\\")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(location.get().strip()).resolve(folder).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private String reason() {
        if (name.get().isBlank()) {
            return "Give the study a name.";
        }
        if (folder().isEmpty()) {
            return "Choose a location and type a folder name (one name, no slashes) for the study.";
        }
        return folderProblem.get();
    }

    private void checkFolder() {
        Optional<Path> folder = folder();
        folderProblem.set("");
        if (folder.isEmpty()) {
            checks.forget();
            return;
        }
        folderProblem.set("Checking the folder…");
        checks.submit("Checking the study's folder", progress -> problem(folder.get()), folderProblem::set,
                failure -> folderProblem.set("The folder " + folder.get() + " cannot be checked (" + failure.getMessage()
                        + "); choose another location."));
    }

    private static String problem(Path folder) throws java.io.IOException {
        if (Files.isRegularFile(folder)) {
            return folder + " is a file; type another folder name.";
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    return folder + " already holds files; type another folder name, or choose another location.";
                }
            }
        }
        return "";
    }

    private static String folderNameFor(String studyName) {
        return studyName.strip().replaceAll("[\\\\/:*?\"<>|\\s]+", "-");
    }
}
