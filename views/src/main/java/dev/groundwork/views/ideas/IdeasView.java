package dev.groundwork.views.ideas;

import dev.groundwork.views.common.StatusPageView;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Ideas page: the page's numbers while the study has no ideas (with Seed idea… and Generate… below them); otherwise
 * the ideas in a table ({@link IdeasTable}: filter by text and status, multi-selection) with the selected idea's details
 * on the right ({@link IdeaDetailPane}), the idea gate (approve, reject), Generate…, Breed… from the chosen ideas, and
 * Seed idea… ({@link IdeaSeedDialog}). Keyboard: see {@link IdeasKeySheet}.
 */
public final class IdeasView {

    private static final KeyCombination NEW_IDEA = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final IdeasInboxViewModel vm;
    private final IdeaGenerationViewModel generation;
    private final IdeaGenerationDialogs dialogs;
    private final BorderPane root = new BorderPane();
    private final Button seed = new Button("Seed idea…");
    private final Button generate = new Button("Generate…");
    private final IdeasTable table;
    private final IdeaDetailPane detail;
    private final TextField filter = new TextField();

    public IdeasView(IdeasViewModel page) {
        this.vm = page.inbox();
        this.generation = vm.generation();
        this.dialogs = new IdeaGenerationDialogs(generation);
        root.setId("page-ideas");
        seed.setId("ideas-seed");
        seed.disableProperty().bind(vm.canSeedProperty().not());
        seed.setOnAction(event -> openSeedDialog());
        // A study just made opens with its seed prompt, once the study can take a seed.
        InvalidationListener seedPrompt = o -> {
            boolean canSeed = vm.canSeedProperty().get();
            if (vm.seedPromptWantedProperty().get() && canSeed && root.getScene() != null) {
                vm.seedPromptWantedProperty().set(false);
                openSeedDialog();
            }
        };
        vm.seedPromptWantedProperty().addListener(seedPrompt);
        vm.canSeedProperty().addListener(seedPrompt);
        seed.setTooltip(new Tooltip("Seed an idea of your own (s, Ctrl+N)"));
        generate.setId("ideas-generate");
        generate.disableProperty().bind(generation.canGenerateProperty().not());
        generate.setOnAction(event -> dialogs.openGenerate(root.getScene()));
        generate.setTooltip(new Tooltip("Ask the study's ideator for new ideas (g)"));

        Parent facts = new StatusPageView(page.page(), "ideas-overview").root();
        Label emptyMessage = message();
        HBox seedBar = new HBox(12);
        seedBar.setAlignment(Pos.CENTER_LEFT);
        seedBar.getStyleClass().add("ideas-empty-actions");
        VBox overview = new VBox(facts, seedBar, emptyMessage);
        emptyMessage.setPadding(new Insets(8, 44, 0, 44));

        table = new IdeasTable(vm);
        detail = new IdeaDetailPane(vm);
        HBox toolbar = new HBox(8);
        BorderPane inbox = inbox(toolbar);

        Runnable mode = () -> {
            boolean empty = vm.rows().isEmpty();
            HBox home = empty ? seedBar : toolbar;
            if (seed.getParent() != home) {
                (empty ? toolbar : seedBar).getChildren().removeAll(generate, seed);
                home.getChildren().addAll(generate, seed);
            }
            root.setCenter(empty ? overview : inbox);
        };
        vm.rows().addListener((InvalidationListener) o -> mode.run());
        mode.run();
        root.addEventFilter(KeyEvent.KEY_TYPED, this::onKey);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
    }

    public Parent root() {
        return root;
    }

    private BorderPane inbox(HBox toolbar) {
        Label title = new Label();
        title.getStyleClass().add("page-title");
        title.textProperty().bind(vm.titleProperty());

        filter.setId("ideas-filter");
        filter.setPromptText("Filter by #, title, text or notes");
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMaxWidth(360);
        filter.setMinWidth(140);
        ComboBox<String> status = new ComboBox<>(FXCollections.observableArrayList(IdeasInboxViewModel.statusChoices()));
        status.setId("ideas-status-filter");
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button approve = new Button("Approve");
        approve.setId("ideas-approve");
        approve.disableProperty().bind(vm.canApproveProperty().not());
        approve.setOnAction(event -> vm.approve());
        Button reject = new Button("Reject");
        reject.setId("ideas-reject");
        reject.disableProperty().bind(vm.canDecideProperty().not());
        reject.setOnAction(event -> vm.reject());
        Button breed = new Button("Breed…");
        breed.setId("ideas-breed");
        breed.disableProperty().bind(generation.canBreedProperty().not());
        breed.setOnAction(event -> dialogs.openBreed(root.getScene()));
        breed.setTooltip(new Tooltip("Breed new ideas from the chosen ones (b)"));
        approve.setTooltip(new Tooltip("Approve the chosen ideas (a)"));
        reject.setTooltip(new Tooltip("Reject the chosen ideas (r)"));
        Separator gate = new Separator(Orientation.VERTICAL);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getChildren().setAll(filter, status, spacer, approve, reject, gate, breed);
        for (Button button : List.of(approve, reject, breed, generate, seed)) {
            button.setMinWidth(Region.USE_PREF_SIZE); // the filter gives way first, never a button's label
        }
        Region titleSpace = new Region();
        HBox.setHgrow(titleSpace, Priority.ALWAYS);
        HBox heading = new HBox(12, title, titleSpace, generating());
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(10, heading, toolbar);
        top.setPadding(new Insets(0, 0, 12, 0));

        ScrollPane detailScroll = new ScrollPane(detail.node());
        SplitPane split = new SplitPane(table.node(), detailScroll);
        split.getStyleClass().add("ideas-split");
        detailScroll.setFitToWidth(true);
        detailScroll.getStyleClass().add("idea-detail-scroll");
        split.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(detailScroll, false);
        detailScroll.setMinWidth(300); // the score and Save notes stay in view; the table scrolls sideways first

        BorderPane pane = new BorderPane(split, top, null, message(), null);
        pane.getStyleClass().addAll("page", "ideas-page");
        return pane;
    }

    /** While ideas are generated: the progress and a Cancel (the status bar shows the same task). */
    private HBox generating() {
        Label name = new Label("Asking the ideator…");
        name.getStyleClass().add("fact-detail");
        ProgressBar progress = new ProgressBar();
        progress.setId("ideas-generation-progress");
        progress.setPrefWidth(140);
        generation.taskProperty().addListener((property, old, task) -> {
            progress.progressProperty().unbind();
            if (task != null) {
                name.setText(task.name() + "…");
                progress.progressProperty().bind(task.progressProperty());
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("ideas-generation-cancel");
        cancel.setOnAction(event -> generation.cancel());
        HBox box = new HBox(8, name, progress, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(generation.runningProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Label message() {
        Label message = new Label();
        message.getStyleClass().add("ideas-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    private void onKey(KeyEvent event) {
        if (event.getTarget() instanceof TextInputControl input && input.isEditable()) {
            return; // typing a filter, notes, a title…
        }
        if (event.isShortcutDown() || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return; // the window's shortcuts (Ctrl+R runs the loop) are never a page key
        }
        String key = event.getCharacter();
        switch (key) {
            case "j" -> table.move(1);
            case "k" -> table.move(-1);
            case "/" -> filter.requestFocus();
            case "a" -> vm.approve();
            case "r" -> vm.reject();
            case "1", "2", "3", "4", "5" -> vm.score(Integer.parseInt(key));
            case "g", "G" -> {
                if (generation.canGenerateProperty().get()) {
                    dialogs.openGenerate(root.getScene());
                }
            }
            case "b" -> {
                if (generation.canBreedProperty().get()) {
                    dialogs.openBreed(root.getScene());
                }
            }
            case "s" -> openSeedDialogIfAllowed();
            case "?" -> IdeasKeySheet.show(root.getScene());
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void onKeyPressed(KeyEvent event) {
        if (NEW_IDEA.match(event)) {
            openSeedDialogIfAllowed();
            event.consume();
        } else if (event.getCode() == KeyCode.ENTER && event.getTarget() == table.node()
                && vm.canAnnotateProperty().get()) {
            detail.notes().requestFocus();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE
                && (event.getTarget() == filter || event.getTarget() == detail.notes())) {
            table.node().requestFocus();
            event.consume();
        }
    }

    private void openSeedDialogIfAllowed() {
        if (vm.canSeedProperty().get()) {
            openSeedDialog();
        }
    }

    private void openSeedDialog() {
        IdeaSeedDialog.open(vm, root.getScene());
    }
}
