package dev.groundwork.views.ideas;

import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.views.common.StatusPageView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.controlsfx.control.Rating;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import dev.groundwork.model.inbox.IdeatorSource;
import javafx.util.StringConverter;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Ideas page: the page's numbers while the study has no ideas (with Seed idea… and Generate… below them); otherwise
 * the ideas in a table (filter by text and status, multi-selection) with the selected idea's details on the right, the
 * idea gate (approve, reject), Generate…, Breed… from the chosen ideas, and Seed idea…. Keyboard: see {@link #keys()}.
 */
public final class IdeasView {

    private static final KeyCombination NEW_IDEA = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final IdeasInboxViewModel vm;
    private final IdeaGenerationViewModel generation;
    private final IdeaGenerationDialogs dialogs;
    private final BorderPane root = new BorderPane();
    private final Button seed = new Button("Seed idea…");
    private final Button generate = new Button("Generate…");
    private final TableView<IdeaInbox.Row> table = new TableView<>();
    private final TextField filter = new TextField();
    private final TextArea notes = new TextArea();
    private boolean syncing;

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

    /** The page's keys and what they do, as the cheat sheet ({@code ?}) shows them. */
    static List<Map.Entry<String, String>> keys() {
        return List.of(
                Map.entry("j / k", "next / previous idea"),
                Map.entry("Enter", "to the selected idea's notes"),
                Map.entry("/", "filter the ideas (Esc: back to the table)"),
                Map.entry("a", "approve the chosen ideas"),
                Map.entry("r", "reject the chosen ideas"),
                Map.entry("1 – 5", "score the selected idea"),
                Map.entry("g", "generate ideas…"),
                Map.entry("b", "breed from the chosen ideas…"),
                Map.entry("s, Ctrl+N", "seed an idea of your own…"),
                Map.entry("?", "this sheet"));
    }

    public Parent root() {
        return root;
    }

    private BorderPane inbox(HBox toolbar) {
        Label title = new Label();
        title.getStyleClass().add("page-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.shown().size() == vm.rows().size()
                ? "Ideas · " + vm.rows().size()
                : "Ideas · " + vm.shown().size() + " of " + vm.rows().size(), vm.shown(), vm.rows()));

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

        SplitPane split = new SplitPane(table(), new ScrollPane(detail()));
        split.getStyleClass().add("ideas-split");
        ScrollPane detailScroll = (ScrollPane) split.getItems().get(1);
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

    private TableView<IdeaInbox.Row> table() {
        table.setId("ideas-table");
        // A sorted view of the filtered rows, ordered by the columns the researcher clicked: reading the rows again
        // (the loop's progress, a decision) keeps that order, because the comparator stays bound to the table's.
        vm.sorted().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(vm.sorted());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No idea matches the filter."));
        // Every column but the title keeps its width: the room left goes to the title, however long the titles are.
        TableColumn<IdeaInbox.Row, IdeaInbox.Row> title = column("Title", row -> row.idea().title(),
                IdeasInboxViewModel.BY_TITLE, 180, "");
        title.setId("ideas-title-column");
        title.setCellFactory(c -> new RowCell(row -> row.idea().title(), "") {
            @Override
            protected void updateItem(IdeaInbox.Row row, boolean empty) {
                super.updateItem(row, empty);
                // A long title is cut short in its cell; the tooltip (and the detail pane) show it in full.
                setTooltip(empty || row == null ? null : new Tooltip(row.idea().title()));
            }
        });
        title.setMinWidth(120);
        title.setMaxWidth(Double.MAX_VALUE);
        // Each keeps room for its name beside the sort arrow.
        double fixed = 38 + 100 + 64 + 84 + 78 + 56 + 76 + 18; // the other columns, and room for the scroll bar
        title.prefWidthProperty().bind(Bindings.max(120, table.widthProperty().subtract(fixed)));
        TableColumn<IdeaInbox.Row, IdeaInbox.Row> reward = column("Reward", IdeasInboxViewModel::reward,
                vm.rewardOrder(), 78, "number");
        reward.setId("ideas-reward-column"); // sorts the best first: the lowest when the study minimizes its reward
        table.getColumns().setAll(List.of(
                column("#", row -> String.valueOf(row.idea().id()), IdeasInboxViewModel.BY_ID, 38, "number"),
                statusColumn(),
                column("Epoch", row -> String.valueOf(row.idea().epoch()), IdeasInboxViewModel.BY_EPOCH, 64, "number"),
                column("Origin", row -> row.idea().origin().wireName(), IdeasInboxViewModel.BY_ORIGIN, 84, ""),
                title,
                reward,
                column("Runs", row -> String.valueOf(row.runs()), IdeasInboxViewModel.BY_RUNS, 56, "number"),
                column("Parents", IdeasInboxViewModel::parents, IdeasInboxViewModel.BY_PARENTS, 76, "")));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<IdeaInbox.Row>) change -> {
            if (!syncing) {
                syncing = true;
                vm.selection().setAll(List.copyOf(table.getSelectionModel().getSelectedItems()));
                IdeaInbox.Row focused = table.getSelectionModel().getSelectedItem();
                if (focused != null) {
                    vm.selectedProperty().set(focused);
                }
                syncing = false;
            }
        });
        vm.selection().addListener((InvalidationListener) o -> selectInTable());
        vm.selectedProperty().addListener(o -> selectInTable());
        return table;
    }

    private void selectInTable() {
        if (syncing) {
            return;
        }
        syncing = true;
        table.getSelectionModel().clearSelection();
        List<IdeaInbox.Row> chosen = vm.selection().isEmpty() && vm.selectedProperty().get() != null
                ? List.of(vm.selectedProperty().get()) : List.copyOf(vm.selection());
        for (IdeaInbox.Row row : chosen) {
            int index = table.getItems().indexOf(row);
            if (index >= 0) {
                table.getSelectionModel().select(index);
            }
        }
        IdeaInbox.Row focus = vm.selectedProperty().get();
        int focusIndex = focus == null ? -1 : table.getItems().indexOf(focus);
        if (focusIndex >= 0) {
            table.getFocusModel().focus(focusIndex);
        }
        syncing = false;
    }

    /** A column whose cells show {@code text} of their row and which sorts its rows by {@code order}. */
    private static TableColumn<IdeaInbox.Row, IdeaInbox.Row> column(String name, Function<IdeaInbox.Row, String> text,
                                                                    Comparator<IdeaInbox.Row> order, double width,
                                                                    String styleClass) {
        TableColumn<IdeaInbox.Row, IdeaInbox.Row> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new RowCell(text, ""));
        column.setComparator(order);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 36));
        column.setMaxWidth(width);
        if (!styleClass.isEmpty()) {
            column.getStyleClass().add(styleClass);
        }
        column.setReorderable(false);
        return column;
    }

    private static TableColumn<IdeaInbox.Row, IdeaInbox.Row> statusColumn() {
        TableColumn<IdeaInbox.Row, IdeaInbox.Row> column = column("Status", row -> row.idea().status().wireName(),
                IdeasInboxViewModel.BY_STATUS, 100, "");
        column.setCellFactory(c -> new RowCell(row -> row.idea().status().wireName(), "idea-status-"));
        return column;
    }

    /** A cell showing a text of its row; with a style prefix, also the style class prefix + that text. */
    private static class RowCell extends TableCell<IdeaInbox.Row, IdeaInbox.Row> {

        private final Function<IdeaInbox.Row, String> text;
        private final String stylePrefix;

        RowCell(Function<IdeaInbox.Row, String> text, String stylePrefix) {
            this.text = text;
            this.stylePrefix = stylePrefix;
        }

        @Override
        protected void updateItem(IdeaInbox.Row row, boolean empty) {
            super.updateItem(row, empty);
            String shown = empty || row == null ? null : text.apply(row);
            setText(shown);
            if (!stylePrefix.isEmpty()) {
                getStyleClass().removeIf(style -> style.startsWith(stylePrefix));
                if (shown != null) {
                    getStyleClass().add(stylePrefix + shown);
                }
            }
        }
    }

    private VBox detail() {
        Label title = new Label();
        title.getStyleClass().add("idea-detail-title");
        title.setWrapText(true);
        Label meta = new Label();
        meta.getStyleClass().add("fact-detail");
        meta.setWrapText(true);
        // The idea's text at its full height, wrapped to the pane's width: the pane scrolls, not a box of four lines.
        Label text = new Label();
        text.setId("idea-text");
        text.getStyleClass().add("idea-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        MenuItem copy = new MenuItem("Copy text");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        text.setContextMenu(new ContextMenu(copy));
        Label parents = new Label();
        parents.getStyleClass().add("fact-detail");
        parents.setWrapText(true);
        ObservableValue<IdeaInbox.Row> selected = vm.selectedProperty();
        selected.addListener((property, old, row) -> {
            title.setText(row == null ? "" : "#" + row.idea().id() + "  " + row.idea().title());
            meta.setText(row == null ? "" : row.idea().status().wireName() + " · epoch " + row.idea().epoch() + " · "
                    + row.idea().origin().wireName() + (row.bestReward() == null ? "" : " · best reward "
                    + IdeasInboxViewModel.reward(row)) + " · " + row.runs() + (row.runs() == 1 ? " run" : " runs")
                    + (row.patchStatus().isEmpty() ? "" : " · patch " + row.patchStatus()));
            text.setText(row == null ? "" : row.idea().text().isBlank() ? "(no text)" : row.idea().text());
            parents.setText(row == null ? "" : row.idea().parents().isEmpty() ? "No parents."
                    : "Bred from " + IdeasInboxViewModel.parents(row) + ".");
        });

        TextArea prompt = new TextArea();
        prompt.setId("idea-prompt");
        prompt.setEditable(false);
        prompt.setWrapText(true);
        prompt.setPrefRowCount(5);
        prompt.textProperty().bind(vm.promptProperty());
        TitledPane promptPane = new TitledPane("Prompt", prompt);
        promptPane.setExpanded(false);
        promptPane.setAnimated(false);

        notes.setId("idea-notes");
        notes.setWrapText(true);
        notes.setPrefRowCount(3);
        notes.setPromptText("Your notes on this idea");
        notes.textProperty().bindBidirectional(vm.notesProperty());
        notes.editableProperty().bind(vm.canAnnotateProperty());
        Rating score = new Rating(5, 0);
        score.setMinWidth(Region.USE_PREF_SIZE);
        score.setId("idea-score");
        score.setUpdateOnHover(false);
        score.setPartialRating(false);
        score.setRating(vm.scoreProperty().get() == null ? 0 : vm.scoreProperty().get());
        vm.scoreProperty().addListener((o, old, value) -> score.setRating(value == null ? 0 : value));
        // A click (or the 1–5 keys) scores the idea and saves it; an idea never scored shows no star.
        score.ratingProperty().addListener((o, old, value) -> {
            int stars = (int) Math.round(value.doubleValue());
            if (stars >= 1 && !Integer.valueOf(stars).equals(vm.scoreProperty().get())) {
                vm.score(stars);
            }
        });
        score.disableProperty().bind(vm.canAnnotateProperty().not());
        Tooltip.install(score, new Tooltip("Your score, 1 to 5 (keys 1–5); saved at once"));
        Button save = new Button("Save notes");
        save.setId("idea-save-notes");
        save.disableProperty().bind(vm.canAnnotateProperty().not());
        save.setOnAction(event -> vm.saveNotes());
        Label scoreLabel = new Label("Score");
        scoreLabel.getStyleClass().add("fact-label");
        scoreLabel.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox annotate = new HBox(8, scoreLabel, score, gap, save);
        annotate.setAlignment(Pos.CENTER_LEFT);
        annotate.setMinWidth(0);
        Label notesLabel = new Label("Notes");
        notesLabel.getStyleClass().add("fact-label");

        VBox detail = new VBox(8, title, meta, text, parents, promptPane, notesLabel, notes, annotate);
        detail.setId("idea-detail");
        detail.getStyleClass().add("idea-detail");
        detail.visibleProperty().bind(vm.selectedProperty().isNotNull());
        return detail;
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
            case "j" -> move(1);
            case "k" -> move(-1);
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
            case "?" -> cheatSheet();
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
        } else if (event.getCode() == KeyCode.ENTER && event.getTarget() == table && vm.canAnnotateProperty().get()) {
            notes.requestFocus();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE && (event.getTarget() == filter || event.getTarget() == notes)) {
            table.requestFocus();
            event.consume();
        }
    }

    /** Moves the selection and keeps the selected row in view, scrolling only when it is not. */
    private void move(int offset) {
        vm.move(offset);
        int index = table.getItems().indexOf(vm.selectedProperty().get());
        if (index >= 0 && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            if (first == null || last == null || index <= first.getIndex() || index >= last.getIndex()) {
                flow.scrollTo(index);
            }
        }
        table.requestFocus();
    }

    private void cheatSheet() {
        GridPane grid = new GridPane(18, 6);
        grid.setId("ideas-keys");
        int row = 0;
        for (Map.Entry<String, String> key : keys()) {
            Label keys = new Label(key.getKey());
            keys.getStyleClass().add("fact-label");
            grid.addRow(row++, keys, new Label(key.getValue()));
        }
        Alert sheet = new Alert(Alert.AlertType.INFORMATION);
        sheet.setTitle("Ideas keys");
        sheet.setHeaderText("Ideas keys");
        sheet.getDialogPane().setContent(grid);
        sheet.getDialogPane().setId("ideas-keys-dialog");
        if (root.getScene() != null) {
            sheet.initOwner(root.getScene().getWindow());
            sheet.getDialogPane().getStylesheets().setAll(root.getScene().getRoot().getStylesheets());
        }
        sheet.show();
    }

    private void openSeedDialogIfAllowed() {
        if (vm.canSeedProperty().get()) {
            openSeedDialog();
        }
    }

    /** A form's field name, never cut short. */
    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private void openSeedDialog() {
        IdeaSeedForm form = vm.seedForm();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Seed idea");
        dialog.setHeaderText("Seed an idea of your own: it is approved at once, in the current epoch.");
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(root.getScene().getRoot().getStylesheets());
        }
        ButtonType seedType = new ButtonType("Seed", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(seedType, ButtonType.CANCEL);
        dialog.getDialogPane().setId("seed-dialog");

        TextField title = new TextField();
        title.setId("seed-title");
        title.setPromptText("e.g. Cosine learning-rate schedule");
        title.textProperty().bindBidirectional(form.titleProperty());
        vm.loadSeedSuggestions();
        AutoCompletionBinding<IdeatorSource.Suggestion> completion = TextFields.bindAutoCompletion(title,
                request -> vm.seedSuggestions(request.getUserText()), new StringConverter<>() {
                    @Override
                    public String toString(IdeatorSource.Suggestion suggestion) {
                        return suggestion.title();
                    }

                    @Override
                    public IdeatorSource.Suggestion fromString(String text) {
                        return null;
                    }
                });
        Label hint = new Label();
        hint.setId("seed-hint");
        hint.getStyleClass().add("fact-detail");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.seedHintProperty());
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        hint.setMaxWidth(540);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        TextArea text = new TextArea();
        text.setId("seed-text");
        text.setWrapText(true);
        text.setPrefRowCount(4);
        text.setPromptText("What to try and why");
        text.textProperty().bindBidirectional(form.textProperty());
        // Picking a suggestion brings its text along, unless the researcher wrote their own.
        completion.setOnAutoCompleted(event -> {
            if (form.textProperty().get() == null || form.textProperty().get().isBlank()) {
                form.textProperty().set(event.getCompletion().text());
            }
        });
        TextField parents = new TextField();
        parents.setId("seed-parents");
        parents.setPromptText("e.g. 12, 15 (optional)");
        parents.textProperty().bindBidirectional(form.parentsProperty());
        TextArea diff = new TextArea();
        diff.setId("seed-diff");
        diff.getStyleClass().add("seed-diff");
        diff.setPrefRowCount(8);
        diff.setPromptText("A unified diff against the baseline (optional): it must apply, else nothing is stored");
        diff.textProperty().bindBidirectional(form.diffProperty());

        GridPane grid = new GridPane(10, 6);
        grid.add(hint, 0, 6, 2, 1);
        grid.addRow(0, fieldLabel("Title"), title);
        grid.add(error(form.titleErrorProperty(), "seed-title-error"), 1, 1);
        grid.addRow(2, fieldLabel("Text"), text);
        grid.addRow(3, fieldLabel("Parents"), parents);
        grid.add(error(form.parentsErrorProperty(), "seed-parents-error"), 1, 4);
        grid.addRow(5, fieldLabel("Diff"), diff);
        GridPane.setHgrow(title, Priority.ALWAYS);
        grid.setPrefWidth(560);
        dialog.getDialogPane().setContent(grid);
        Node ok = dialog.getDialogPane().lookupButton(seedType);
        ok.setId("seed-ok");
        ok.disableProperty().bind(form.valid().not());
        dialog.setOnHidden(event -> {
            if (dialog.getResult() == seedType) {
                vm.seed();
            }
            title.textProperty().unbindBidirectional(form.titleProperty());
            text.textProperty().unbindBidirectional(form.textProperty());
            parents.textProperty().unbindBidirectional(form.parentsProperty());
            diff.textProperty().unbindBidirectional(form.diffProperty());
            ok.disableProperty().unbind();
            completion.dispose();
        });
        dialog.setOnShown(event -> title.requestFocus()); // typing starts the idea's title
        dialog.show();
    }

    private static Label error(ObservableValue<String> message, String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("form-error");
        label.textProperty().bind(message);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !message.getValue().isEmpty(), message));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
