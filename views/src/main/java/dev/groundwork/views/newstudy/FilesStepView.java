package dev.groundwork.views.newstudy;

import dev.groundwork.model.intake.LeftOutNote;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Step 2: the code's files as a tree, each row's role chosen from a list (a folder's sets every file below it); keys
 * e, k, p and l set the selected row's role. Below: what the implementer will see, and a warning when it is too much.
 */
final class FilesStepView {

    private final VBox root = new VBox(8);
    private final TreeView<FileNode> tree = new TreeView<>();
    private final FilesStepViewModel vm;

    FilesStepView(FilesStepViewModel vm) {
        this.vm = vm;
        tree.setId("files-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(view -> new FileCell());
        VBox.setVgrow(tree, Priority.ALWAYS);
        vm.rootProperty().addListener((o, old, now) -> show(now));
        show(vm.rootProperty().get());
        // A folder's role follows its files: draw the rows again after any change.
        vm.changesProperty().addListener(o -> tree.refresh());
        tree.addEventHandler(KeyEvent.KEY_TYPED, this::roleKey);

        Label help = new Label("Editable: the implementer sees and changes it. Kept: in the baseline, not shown."
                + " Protected: never shown (evaluation, data loading). Left out: not copied. Keys e, k, p, l.");
        help.getStyleClass().add("form-hint");
        help.setWrapText(true);
        Label size = label("files-size", "form-hint");
        size.textProperty().bind(vm.sizeProperty());
        Label warning = label("files-warning", "form-error");
        warning.textProperty().bind(vm.warningProperty());
        warning.visibleProperty().bind(vm.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        Label leftOut = label("files-left-out", "form-hint");
        leftOut.textProperty().bind(vm.leftOutNoteProperty());
        leftOut.visibleProperty().bind(vm.leftOutNoteProperty().isNotEmpty());
        leftOut.managedProperty().bind(leftOut.visibleProperty());
        root.getChildren().addAll(help, tree, size, warning, leftOut);
    }

    Parent root() {
        return root;
    }

    void focus() {
        tree.requestFocus();
        if (tree.getSelectionModel().isEmpty()) {
            tree.getSelectionModel().select(0);
        }
    }

    private static Label label(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private void show(FileNode top) {
        tree.setRoot(top == null ? null : item(top));
    }

    private static TreeItem<FileNode> item(FileNode node) {
        TreeItem<FileNode> item = new TreeItem<>(node);
        node.children().stream()
                .sorted((a, b) -> a.isFolder() != b.isFolder() ? (a.isFolder() ? -1 : 1) : a.name().compareTo(b.name()))
                .forEach(child -> item.getChildren().add(item(child)));
        item.setExpanded(node.path().isEmpty() || node.files().size() <= 20);
        return item;
    }

    private void roleKey(KeyEvent event) {
        FileRole role = switch (event.getCharacter()) {
            case "e" -> FileRole.EDITABLE;
            case "k" -> FileRole.KEPT;
            case "p" -> FileRole.PROTECTED;
            case "l" -> FileRole.LEFT_OUT;
            default -> null;
        };
        TreeItem<FileNode> selected = tree.getSelectionModel().getSelectedItem();
        if (role != null && selected != null) {
            selected.getValue().setRole(role);
            event.consume();
        }
    }

    /** A row: the name, its size, and its role to choose. */
    private final class FileCell extends TreeCell<FileNode> {

        private final Label name = new Label();
        private final Label size = new Label();
        private final ComboBox<FileRole> role = new ComboBox<>(FXCollections.observableArrayList(FileRole.values()));
        private final HBox row = new HBox(10, name, size, role);
        private boolean filling;

        FileCell() {
            name.getStyleClass().add("file-name");
            HBox.setHgrow(name, Priority.ALWAYS);
            name.setMaxWidth(Double.MAX_VALUE);
            size.getStyleClass().add("files-size-cell");
            size.setMinWidth(70);
            size.setAlignment(Pos.CENTER_RIGHT);
            role.getStyleClass().add("files-role");
            role.setPrefWidth(130);
            role.setPromptText("mixed");
            role.setCellFactory(list -> new RoleCell(null));
            role.setButtonCell(new RoleCell("mixed"));
            role.valueProperty().addListener((o, old, now) -> {
                if (!filling && now != null && getItem() != null) {
                    getItem().setRole(now);
                }
            });
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(FileNode item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            filling = true;
            name.setText(item.isFolder() && !item.path().isEmpty() ? item.name() + "/" : item.name());
            size.setText(LeftOutNote.size(item.bytes()));
            role.setValue(item.role().orElse(null));
            role.setId(item.path().isEmpty() ? "files-role-top" : "files-role-" + item.path());
            filling = false;
            getStyleClass().removeAll(List.of("file-left-out", "file-protected"));
            item.role().ifPresent(now -> {
                if (now == FileRole.LEFT_OUT) {
                    getStyleClass().add("file-left-out");
                } else if (now == FileRole.PROTECTED) {
                    getStyleClass().add("file-protected");
                }
            });
            setGraphic(row);
        }
    }

    private static final class RoleCell extends ListCell<FileRole> {

        /** What a folder whose files differ shows. */
        private final String none;

        RoleCell(String none) {
            this.none = none;
        }

        @Override
        protected void updateItem(FileRole item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? none : item.words());
            setTooltip(empty || item == null ? null : new Tooltip(item.meaning()));
        }
    }
}
