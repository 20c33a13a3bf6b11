package dev.groundwork.views.settings;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The providers' section: one card per provider, each with its own Test and Save. */
final class ProvidersView {

    private final VBox root = new VBox(10);

    ProvidersView(SettingsViewModel vm) {
        FlowPane cards = Ui.styled(new FlowPane(), "settings-cards");
        Runnable fill = () -> cards.getChildren().setAll(vm.providers().stream().map(ProvidersView::card).toList());
        vm.providers().addListener((ListChangeListener<ProviderForm>) change -> fill.run());
        fill.run();
        root.getChildren().addAll(Ui.note(vm.providersMessageProperty(), "settings-unavailable"), cards);
    }

    Parent root() {
        return root;
    }

    private static VBox card(ProviderForm form) {
        String id = "provider-" + form.id();
        Label title = Ui.styled(new Label(form.stateProperty().get().name()), "settings-card-title");
        Label servers = Ui.styled(new Label(form.stateProperty().get().servers()), "settings-hint");
        servers.setWrapText(true);
        Label usedBy = Ui.note(form.usedByProperty(), "settings-used-by");

        TextField baseUrl = new TextField();
        baseUrl.setId(id + "-base-url");
        baseUrl.textProperty().bindBidirectional(form.baseUrlProperty());
        baseUrl.promptTextProperty().bind(form.baseUrlPromptProperty());
        Ui.flagInvalid(baseUrl, form.baseUrlErrorProperty());
        PasswordField key = new PasswordField();
        key.setId(id + "-key");
        key.setPromptText("type a key to save it");
        key.textProperty().bindBidirectional(form.apiKeyProperty());
        TextField model = new TextField();
        model.setId(id + "-model");
        model.setPromptText(form.modelExample());
        model.textProperty().bindBidirectional(form.modelProperty());

        GridPane grid = Ui.styled(new GridPane(), "settings-grid");
        grid.addRow(0, label("Base URL"), baseUrl);
        grid.add(Ui.note(form.baseUrlErrorProperty(), "form-error"), 1, 1);
        grid.addRow(2, label("API key"), key);
        Label keyNote = Ui.note(form.keyNoteProperty(), "settings-hint");
        keyNote.setId(id + "-key-note");
        grid.add(keyNote, 1, 3);
        grid.addRow(4, label("Model to test"), model);
        for (Region field : new Region[] {baseUrl, key, model}) {
            field.setPrefWidth(300);
            GridPane.setHgrow(field, Priority.ALWAYS);
        }

        Button test = new Button("Test");
        test.setId(id + "-test");
        test.disableProperty().bind(form.canTestProperty().not());
        test.setOnAction(event -> form.test());
        Button save = new Button("Save");
        save.setId(id + "-save");
        save.getStyleClass().add("settings-primary");
        save.disableProperty().bind(form.canSaveProperty().not());
        save.setOnAction(event -> form.save());
        Button forget = new Button("Forget saved key");
        forget.setId(id + "-forget-key");
        forget.visibleProperty().bind(form.canForgetKeyProperty());
        forget.managedProperty().bind(forget.visibleProperty());
        forget.setOnAction(event -> form.forgetKey());
        HBox actions = new HBox(8, save, test, forget);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("settings-actions");

        Label outcome = Ui.outcome(form.messageProperty(), form.messageIsErrorProperty());
        outcome.setId(id + "-message");
        outcome.setMaxWidth(440);

        VBox card = Ui.styled(new VBox(title, servers, usedBy, grid, actions, outcome), "settings-card",
                "settings-provider");
        card.setId(id);
        card.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (SettingsView.SAVE.match(event)) {
                form.save();
                event.consume();
            }
        });
        return card;
    }

    private static Label label(String text) {
        Label label = Ui.styled(new Label(text), "settings-field-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
