package dev.groundwork.views.shell;

import dev.groundwork.views.common.ThemeStylesheets;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** Shows the view model's errors one at a time, as a dialog with the sentence the user can act on. */
final class ErrorDialogs {

    private ErrorDialogs() {}

    static void install(MainViewModel vm, Supplier<Window> owner) {
        vm.errorProperty().addListener((o, old, error) -> {
            if (error != null) {
                show(vm, error, owner.get());
            }
        });
    }

    private static void show(MainViewModel vm, UserError error, Window owner) {
        Alert alert = new Alert(Alert.AlertType.ERROR, error.message());
        alert.initOwner(owner);
        alert.setTitle("Groundwork");
        alert.setHeaderText(error.title());
        alert.getDialogPane().setId("error-dialog");
        // Without it some window managers size the dialog before the sentence wraps and cut it off.
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        ThemeStylesheets.apply(alert.getDialogPane(), vm.themeProperty().get());
        // Not showAndWait: this runs inside a property listener, and the next error is queued behind this one anyway.
        alert.setOnHidden(e -> vm.dismissError());
        alert.show();
    }
}
