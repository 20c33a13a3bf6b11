package dev.groundwork.views.shell;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The sidebar: one entry per page, kept in step with the selected page both ways, with what waits there as a badge. */
final class NavigationBar {

    private final VBox root = new VBox();
    private final ToggleGroup group = new ToggleGroup();

    /** @param waiting how many things wait for the researcher on a page (shown as a badge when more than none) */
    NavigationBar(List<PageView> pages, ObjectProperty<Page> page, Function<Page, ObservableValue<Number>> waiting) {
        Label brand = new Label("Groundwork");
        brand.getStyleClass().add("brand");
        root.setId("sidebar");
        root.getStyleClass().add("sidebar");
        root.getChildren().add(brand);
        for (PageView each : pages) {
            ToggleButton entry = new ToggleButton(each.title());
            entry.setId("nav-" + each.key());
            entry.getStyleClass().add("nav-item");
            entry.setUserData(each.page());
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.setTooltip(new Tooltip(each.title() + " (Ctrl+" + each.page().shortcut() + ")"));
            entry.setToggleGroup(group);
            Label badge = new Label();
            badge.setId("nav-badge-" + each.key());
            badge.getStyleClass().add("nav-badge");
            ObservableValue<Number> count = waiting.apply(each.page());
            badge.textProperty().bind(count.map(n -> n.intValue() > 0 ? String.valueOf(n.intValue()) : ""));
            badge.visibleProperty().bind(badge.textProperty().isNotEmpty());
            badge.setTooltip(new Tooltip("waiting for you"));
            entry.setGraphic(badge);
            entry.setContentDisplay(ContentDisplay.RIGHT);
            entry.setGraphicTextGap(8);
            root.getChildren().add(entry);
        }
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                // Clicking the selected entry would leave none selected; the page stays, so does its entry.
                group.selectToggle(old);
            } else {
                page.set((Page) now.getUserData());
            }
        });
        page.addListener((o, old, now) -> select(now));
        select(page.get());
    }

    Parent root() {
        return root;
    }

    private void select(Page page) {
        group.getToggles().stream().filter(t -> t.getUserData() == page).findFirst().ifPresent(group::selectToggle);
    }
}
