package dev.groundwork.views.runs;

import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.monitor.RunMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The hosts and their slot map: one line per host ("local", each Docker host) with its busy count and how it stands
 * (healthy, unhealthy with its problem under it, draining: the last two muted and edged so they stand out), one chip
 * per slot, free or with its run and elapsed time. Clicking a busy slot selects its run. Rebuilt once per read of the
 * runs.
 */
final class HostsView {

    private final RunsMonitorViewModel vm;
    private final VBox root = new VBox();

    HostsView(RunsMonitorViewModel vm) {
        this.vm = vm;
        root.setId("runs-hosts");
        root.getStyleClass().add("runs-hosts");
        InvalidationListener redraw = o -> draw();
        vm.hosts().addListener(redraw);
        vm.hostsMessageProperty().addListener(redraw);
        vm.nowProperty().addListener(redraw);
        root.visibleProperty().bind(vm.controlProperty().map(control -> control.isPresent()));
        root.managedProperty().bind(root.visibleProperty());
        draw();
    }

    Parent root() {
        return root;
    }

    private void draw() {
        List<Node> lines = new ArrayList<>();
        for (RunControl.Host host : vm.hosts()) {
            lines.add(host(host));
        }
        if (!vm.hostsMessageProperty().get().isEmpty()) {
            Label problem = new Label(vm.hostsMessageProperty().get());
            problem.getStyleClass().add("runs-hosts-message");
            problem.setWrapText(true);
            lines.add(problem);
        }
        root.getChildren().setAll(lines);
    }

    private Node host(RunControl.Host host) {
        Label name = new Label(host.name());
        name.getStyleClass().add("runs-host-name");
        long gpus = host.slots().stream().mapToLong(slot -> slot.slot().gpuIds().size()).sum();
        Label summary = new Label(host.slots().size() + " slot" + (host.slots().size() == 1 ? "" : "s")
                + (gpus > 0 ? " · " + gpus + " GPU" + (gpus == 1 ? "" : "s") : " · CPU") + " · " + host.busy() + " busy");
        summary.getStyleClass().add("runs-host-summary");
        String health = health(host.health());
        Label standing = new Label(health);
        standing.getStyleClass().addAll("runs-host-health", "runs-host-health-" + health);
        standing.setId("runs-host-" + host.name() + "-health");
        standing.setTooltip(new Tooltip(tooltip(host)));
        FlowPane slots = new FlowPane(6, 4);
        for (RunControl.HostSlot slot : host.slots()) {
            slots.getChildren().add(chip(host.name(), slot));
        }
        HBox line = new HBox(name, summary, standing, slots);
        line.getStyleClass().add("runs-host-line");
        VBox box = new VBox(line);
        box.getStyleClass().addAll("runs-host", "runs-host-" + health);
        box.setId("runs-host-" + host.name());
        host.problem().filter(problem -> host.health() == RunControl.Health.UNHEALTHY).ifPresent(problem -> {
            Label why = new Label(problem);
            why.getStyleClass().add("runs-host-problem");
            why.setId("runs-host-" + host.name() + "-problem");
            why.setWrapText(true);
            box.getChildren().add(why);
        });
        return box;
    }

    /** "healthy", "unhealthy", "draining". */
    static String health(RunControl.Health health) {
        return health.name().toLowerCase(Locale.ROOT);
    }

    private static String tooltip(RunControl.Host host) {
        return switch (host.health()) {
            case HEALTHY -> "It takes runs.";
            case UNHEALTHY -> "It takes no new runs until it answers again; Groundwork keeps checking.";
            case DRAINING -> "Its runs finish and it takes no new ones (drained in Settings).";
        };
    }

    private Node chip(String host, RunControl.HostSlot use) {
        Region dot = new Region();
        dot.getStyleClass().add("runs-slot-dot");
        Label label = new Label(slotName(use.slot()));
        label.getStyleClass().add("runs-slot-label");
        Label run = new Label(use.runId() == null ? "free" : runText(use.runId()));
        run.getStyleClass().add("runs-slot-run");
        HBox chip = new HBox(dot, label, run);
        chip.getStyleClass().add("runs-slot");
        chip.setId("runs-slot-" + host + "-" + use.slot().index());
        if (use.runId() != null) {
            long id = use.runId();
            chip.getStyleClass().add("runs-slot-busy");
            chip.setOnMouseClicked(event -> vm.row(id).ifPresent(row -> vm.selectedProperty().set(row)));
            Tooltip.install(chip, new Tooltip("Run " + id + vm.row(id).map(row -> " · " + row.title()).orElse("")
                    + " — click to show its log"));
        }
        return chip;
    }

    private String runText(long id) {
        String elapsed = vm.row(id).map(RunMonitor.Row::run)
                .map(run -> RunsMonitorViewModel.elapsed(run, vm.nowProperty().get())).orElse("");
        return "#" + id + (elapsed.isEmpty() ? "" : " · " + elapsed);
    }

    /** "cpu0", "gpu 0", "gpu 0,1". */
    static String slotName(Slot slot) {
        return slot.gpuIds().isEmpty() ? "cpu" + slot.index()
                : "gpu " + slot.gpuIds().stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
