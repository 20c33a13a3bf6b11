package dev.groundwork.views.shell;

import dev.groundwork.model.study.TemplateInfo;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** The New study form: a new folder (parent folder + name) and a template. */
public final class NewStudyViewModel {

    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TemplateInfo> template = new SimpleObjectProperty<>();
    private final ObservableList<TemplateInfo> templates;
    private final ObjectBinding<Optional<Path>> folder;
    private final StringBinding hint;
    private final BooleanBinding valid;

    NewStudyViewModel(Path defaultLocation, ObservableList<TemplateInfo> templates) {
        this.templates = templates;
        location.set(defaultLocation.toString());
        folder = Bindings.createObjectBinding(() -> folder(location.get(), name.get()), location, name);
        hint = Bindings.createStringBinding(this::hint, folder, template, templates);
        valid = Bindings.createBooleanBinding(() -> folder.get().isPresent() && template.get() != null, folder, template);
        // Templates are read in the background: pick the first as soon as they arrive.
        templates.addListener((ListChangeListener<TemplateInfo>) change -> selectFirstTemplate());
        selectFirstTemplate();
    }

    /** The folder the study's folder is created in. */
    public StringProperty locationProperty() {
        return location;
    }

    /** The study folder's name. */
    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TemplateInfo> templateProperty() {
        return template;
    }

    public ObservableList<TemplateInfo> templates() {
        return templates;
    }

    /** What the form will do, or what is missing. */
    public StringBinding hintProperty() {
        return hint;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** The study folder to create, when the form is filled in. */
    Optional<Path> folder() {
        return folder.get();
    }

    private String hint() {
        if (folder.get().isEmpty()) {
            return "Choose a location and type a folder name (no slashes).";
        }
        if (template.get() == null) {
            return templates.isEmpty() ? "Reading the templates…" : "Choose a template.";
        }
        return "Creates " + folder.get().get() + " from “" + template.get().name() + "”.";
    }

    private void selectFirstTemplate() {
        if (template.get() == null && !templates.isEmpty()) {
            template.set(templates.getFirst());
        }
    }

    private static Optional<Path> folder(String location, String name) {
        String folderName = name.strip();
        if (location.isBlank() || folderName.isEmpty() || folderName.equals(".") || folderName.equals("..")
                || folderName.contains("/") || folderName.contains("\\")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(location.strip()).resolve(folderName));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
