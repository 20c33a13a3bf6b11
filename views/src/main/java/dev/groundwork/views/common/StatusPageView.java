package dev.groundwork.views.common;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Draws a {@link StatusPageViewModel}: title, description, then one card per fact. */
public final class StatusPageView {

    private static final int LONG_VALUE = 14;
    private static final int LONG_DETAIL = 60;

    private final VBox root = new VBox();
    private final FlowPane cards = new FlowPane();

    /** @param id the root's node id, e.g. "page-ideas" (tests and snapshots look pages up by it) */
    public StatusPageView(StatusPageViewModel vm, String id) {
        Label title = styled(new Label(vm.title()), "page-title");
        Label description = styled(new Label(vm.description()), "page-description");
        description.setWrapText(true);
        Label notice = styled(new Label(), "page-notice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        cards.getStyleClass().add("fact-cards");

        root.setId(id);
        root.getStyleClass().add("page");
        root.getChildren().addAll(title, description, notice, cards);
        vm.facts().addListener((ListChangeListener<Fact>) change -> showCards(vm));
        showCards(vm);
    }

    public Parent root() {
        return root;
    }

    private void showCards(StatusPageViewModel vm) {
        cards.getChildren().setAll(vm.facts().stream().map(StatusPageView::card).toList());
    }

    private static VBox card(Fact fact) {
        Label value = styled(new Label(fact.value()), "fact-value");
        value.setWrapText(true);
        Label detail = styled(new Label(fact.detail()), "fact-detail");
        detail.setWrapText(true);
        detail.setVisible(!fact.detail().isEmpty());
        detail.setManaged(detail.isVisible());
        VBox card = new VBox(styled(new Label(fact.label()), "fact-label"), value, detail);
        card.getStyleClass().add("fact-card");
        // A folder or a name rather than a number gets a smaller type; it and a long explanation get a wider card.
        if (fact.value().length() > LONG_VALUE) {
            value.getStyleClass().add("long");
        }
        if (fact.value().length() > LONG_VALUE || fact.detail().length() > LONG_DETAIL) {
            card.getStyleClass().add("wide");
        }
        return card;
    }

    private static <T extends Node> T styled(T node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }
}
