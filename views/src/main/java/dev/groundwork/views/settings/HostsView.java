package dev.groundwork.views.settings;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The hosts' section, read-only: one card per host with its machine, its slots and how many runs go at once. Docker
 * hosts will be cards in the same list.
 */
final class HostsView {

    static final String DOCKER_NOT_YET = "Docker hosts are not built into Groundwork yet; runs go to this machine as"
            + " local processes (run.target: local).";

    private final VBox root = new VBox(10);

    HostsView(SettingsViewModel vm) {
        VBox list = new VBox(12);
        list.setId("settings-host-list");
        Runnable fill = () -> list.getChildren().setAll(vm.hosts().stream().map(HostsView::card).toList());
        vm.hosts().addListener((ListChangeListener<HostRow>) change -> fill.run());
        fill.run();
        Button addDocker = new Button("Add Docker host…");
        addDocker.setId("settings-add-docker-host");
        addDocker.setDisable(true);
        root.getChildren().addAll(Ui.note(vm.hostsMessageProperty(), "settings-unavailable"), list,
                new HBox(Ui.withTooltip(addDocker, DOCKER_NOT_YET)));
    }

    Parent root() {
        return root;
    }

    private static VBox card(HostRow host) {
        Label name = Ui.styled(new Label(host.name()), "settings-card-title");
        Label kind = Ui.styled(new Label(host.kind()), "settings-hint");
        HBox heading = new HBox(10, name, kind);
        heading.setAlignment(Pos.BASELINE_LEFT);
        Label machine = Ui.styled(new Label(host.machine()), "settings-host-machine");
        FlowPane slots = Ui.styled(new FlowPane(), "settings-slots");
        slots.getChildren().setAll(host.slots().stream().map(slot -> Ui.styled(new Label(slot), "settings-slot")).toList());
        slots.setManaged(!host.slots().isEmpty());
        Label summary = Ui.styled(new Label(host.summary()), "settings-hint");
        summary.setWrapText(true);
        VBox card = Ui.styled(new VBox(heading, machine, slots, summary), "settings-card", "settings-host");
        if (!host.problem().isEmpty()) {
            Label problem = Ui.styled(new Label(host.problem()), "form-error");
            problem.setWrapText(true);
            card.getChildren().add(problem);
        }
        card.setId("host-" + host.name());
        return card;
    }
}
