package dev.groundwork.views.ideas;

import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** The Ideas page's keys and the cheat sheet ({@code ?}) that lists them. */
final class IdeasKeySheet {

    private IdeasKeySheet() {}

    /** The page's keys and what they do. */
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

    /** Shows the sheet over {@code scene}'s window, in its theme. */
    static void show(Scene scene) {
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
        if (scene != null) {
            sheet.initOwner(scene.getWindow());
            sheet.getDialogPane().getStylesheets().setAll(scene.getRoot().getStylesheets());
        }
        sheet.show();
    }
}
