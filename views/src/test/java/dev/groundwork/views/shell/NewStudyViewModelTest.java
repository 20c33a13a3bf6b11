package dev.groundwork.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.study.TemplateInfo;
import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class NewStudyViewModelTest {

    private final ObservableList<TemplateInfo> templates = FXCollections.observableArrayList();
    private final NewStudyViewModel form = new NewStudyViewModel(Path.of("/home/ada"), templates);

    @Test
    void needsAFolderNameAndATemplate() {
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.hintProperty().get()).isEqualTo("Choose a location and type a folder name (no slashes).");

        form.nameProperty().set("sweep");
        assertThat(form.hintProperty().get()).isEqualTo("Reading the templates…");

        templates.add(new TemplateInfo("charlm", "Character-level LM"));
        assertThat(form.templateProperty().get().name()).as("the first template is picked when they arrive").isEqualTo("charlm");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.hintProperty().get()).isEqualTo("Creates " + Path.of("/home/ada/sweep") + " from “charlm”.");
        assertThat(form.folder()).contains(Path.of("/home/ada/sweep"));
    }

    @Test
    void refusesNamesThatAreNotOneFolder() {
        templates.add(new TemplateInfo("charlm", "Character-level LM"));
        for (String name : new String[] {"", "  ", "a/b", "..", "a\\b"}) {
            form.nameProperty().set(name);
            assertThat(form.validProperty().get()).as("'%s'", name).isFalse();
        }
    }
}
