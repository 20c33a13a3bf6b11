package dev.groundwork.views.settings;

import dev.groundwork.views.common.Fact;
import java.net.URL;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * The Settings page: a header with the study's folder and access, then three sections — the study's gates, budgets
 * and search; the LLM providers; the execution hosts. {@code Ctrl+S} saves the section being edited.
 */
public final class SettingsView {

    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final ScrollPane root;

    public SettingsView(SettingsViewModel vm) {
        Label title = Ui.styled(new Label(vm.page().title()), "page-title");
        Label description = Ui.styled(new Label(vm.page().description()), "page-description");
        description.setWrapText(true);
        Label where = Ui.styled(new Label(), "settings-where");
        where.setWrapText(true);
        where.textProperty().bind(Bindings.createStringBinding(() -> vm.page().facts().isEmpty()
                ? vm.page().noticeProperty().get()
                : vm.page().facts().stream().skip(1).map(SettingsView::fact).collect(Collectors.joining("  ·  ")),
                vm.page().facts(), vm.page().noticeProperty()));

        Node study = section(vm.studyTitleProperty(),
                "Saved into the study's groundwork.yaml, its comments and layout kept; the loop reads them when it next"
                        + " starts.", new SpecFormView(vm).root());
        Node providers = section(Bindings.createStringBinding(() -> "LLM providers"),
                "Base URLs and keys live in your settings file, readable only by you, never in a study. The study's"
                        + " agents name their models in groundwork.yaml, e.g. agents.ideator: openai:gpt-4o.",
                new ProvidersView(vm).root());
        Node hosts = section(Bindings.createStringBinding(() -> "Execution hosts"),
                "Where runs go: this machine's processes and the Docker hosts of your settings file, which every"
                        + " study shares, with the slots this study's run settings give each.",
                new HostsView(vm).root());
        study.setId("settings-study");
        providers.setId("settings-providers");
        hosts.setId("settings-hosts");

        VBox page = new VBox(title, description, where, study, providers, hosts);
        page.getStyleClass().addAll("page", "settings-page");
        root = new ScrollPane(page);
        root.setId("page-settings");
        root.setFitToWidth(true);
        root.getStyleClass().add("page-scroll");
        root.getStylesheets().add(stylesheet());
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (SAVE.match(event)) {
                vm.spec().save();
                event.consume();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private static String fact(Fact fact) {
        return fact.label() + ": " + fact.value() + (fact.detail().isEmpty() ? "" : " (" + fact.detail() + ")");
    }

    private static Node section(ObservableValue<String> title, String note, Node content) {
        Label heading = Ui.styled(new Label(), "settings-section-title");
        heading.textProperty().bind(title);
        Label explanation = Ui.styled(new Label(note), "settings-section-note");
        explanation.setWrapText(true);
        VBox section = new VBox(heading, explanation, content);
        section.getStyleClass().add("settings-section");
        return section;
    }

    private static String stylesheet() {
        URL url = SettingsView.class.getResource("/groundwork/css/settings.css");
        if (url == null) {
            throw new IllegalStateException("The stylesheet groundwork/css/settings.css is missing from the classpath"
                    + " (groundwork-resources).");
        }
        return url.toExternalForm();
    }
}
