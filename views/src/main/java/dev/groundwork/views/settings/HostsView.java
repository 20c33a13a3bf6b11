package dev.groundwork.views.settings;

import java.io.File;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The hosts' section: one card per host (this machine first, then each Docker host with its endpoint, TLS folder, GPUs
 * and slots), each with Test and, for a Docker host, Drain / Open and Remove (confirmed on the card); then "Add Docker
 * host…", which opens the add form in place. Cards are kept while the hosts are read again, so the keyboard focus and a
 * test's outcome stay.
 */
final class HostsView {

    private final VBox root = new VBox(10);
    private final Map<HostCard, Node> cards = new IdentityHashMap<>();

    HostsView(SettingsViewModel vm) {
        VBox list = new VBox(12);
        list.setId("settings-host-list");
        Runnable fill = () -> {
            cards.keySet().retainAll(vm.hostCards());
            list.getChildren().setAll(vm.hostCards().stream().map(card -> cards.computeIfAbsent(card, HostsView::card))
                    .toList());
        };
        vm.hostCards().addListener((ListChangeListener<HostCard>) change -> fill.run());
        fill.run();

        Label notice = Ui.note(vm.hostsNoticeProperty(), "settings-outcome");
        notice.getStyleClass().add("settings-ok");
        notice.setId("settings-hosts-notice");
        DockerHostForm form = vm.dockerForm();
        DockerHostFormView formView = new DockerHostFormView(form);
        Button addDocker = new Button("Add Docker host…");
        addDocker.setId("settings-add-docker-host");
        addDocker.setDisable(!vm.hostsEditable());
        addDocker.visibleProperty().bind(form.openProperty().not());
        addDocker.managedProperty().bind(addDocker.visibleProperty());
        addDocker.setOnAction(event -> {
            form.show();
            formView.focus();
        });
        Node add = vm.hostsEditable() ? addDocker
                : Ui.withTooltip(addDocker, "This window cannot change the hosts: it has no settings file.");
        root.getChildren().addAll(Ui.note(vm.hostsMessageProperty(), "settings-unavailable"), list, notice,
                new HBox(add), formView.root());
    }

    Parent root() {
        return root;
    }

    private static Node card(HostCard host) {
        String id = "host-" + host.name();
        VBox about = new VBox(6);
        Runnable describe = () -> about.getChildren().setAll(describe(host.rowProperty().get(), id));
        host.rowProperty().addListener(o -> describe.run());
        describe.run();

        Button test = new Button("Test");
        test.setId(id + "-test");
        test.disableProperty().bind(host.testingProperty());
        test.setOnAction(event -> host.test());
        Button drain = new Button();
        drain.setId(id + "-drain");
        drain.textProperty().bind(Bindings.createStringBinding(() -> host.rowProperty().get().draining() ? "Open"
                : "Drain", host.rowProperty()));
        drain.disableProperty().bind(host.canChangeProperty().not().or(host.confirmingRemoveProperty()));
        drain.setOnAction(event -> host.toggleDrain());
        Button remove = new Button("Remove…");
        remove.setId(id + "-remove");
        remove.disableProperty().bind(drain.disableProperty());
        Button no = new Button("Keep");
        remove.setOnAction(event -> {
            host.requestRemove();
            no.requestFocus(); // Keep is the safe answer a stray Enter gives
        });
        for (Button button : new Button[] {drain, remove}) {
            button.visibleProperty().bind(Bindings.createBooleanBinding(() -> host.rowProperty().get().docker(),
                    host.rowProperty()));
            button.managedProperty().bind(button.visibleProperty());
        }
        HBox actions = new HBox(8, test, drain, remove, spinner(host.testingProperty()));
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("settings-actions");

        Label question = Ui.styled(new Label(), "settings-confirm-question");
        question.setWrapText(true);
        question.textProperty().bind(Bindings.createStringBinding(() -> "Remove " + host.name() + "? Groundwork"
                + " forgets it; the runs on it now finish, and its containers and images stay on the daemon.",
                host.rowProperty()));
        Button yes = new Button("Remove");
        yes.setId(id + "-confirm-remove");
        yes.getStyleClass().add("settings-danger");
        yes.setOnAction(event -> host.confirmRemove());
        no.setId(id + "-keep");
        no.setOnAction(event -> {
            host.cancelRemove();
            remove.requestFocus();
        });
        HBox confirm = Ui.styled(new HBox(8, question, yes, no), "settings-confirm");
        confirm.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(question, Priority.ALWAYS);
        confirm.visibleProperty().bind(host.confirmingRemoveProperty());
        confirm.managedProperty().bind(confirm.visibleProperty());
        confirm.addEventFilter(KeyEvent.KEY_PRESSED, event -> { // before the focused button takes Escape
            if (event.getCode() == KeyCode.ESCAPE) {
                no.fire();
                event.consume();
            }
        });

        VBox facts = facts(host.facts(), id + "-facts");
        Label outcome = Ui.outcome(host.messageProperty(), host.messageIsErrorProperty());
        outcome.setId(id + "-message");

        VBox card = Ui.styled(new VBox(about, actions, confirm, facts, outcome), "settings-card", "settings-host");
        Runnable mark = () -> {
            card.getStyleClass().removeAll("settings-host-draining", "settings-host-problem");
            HostRow row = host.rowProperty().get();
            if (row.draining()) {
                card.getStyleClass().add("settings-host-draining");
            }
            if (!row.problem().isEmpty()) {
                card.getStyleClass().add("settings-host-problem");
            }
        };
        host.rowProperty().addListener(o -> mark.run());
        mark.run();
        card.setId(id);
        return card;
    }

    /** The host's heading, machine or endpoint, settings, slots, summary and problem. */
    private static Node[] describe(HostRow host, String id) {
        Label name = Ui.styled(new Label(host.name()), "settings-card-title");
        Label kind = Ui.styled(new Label(host.kind()), "settings-hint");
        HBox heading = new HBox(10, name, kind);
        heading.setAlignment(Pos.BASELINE_LEFT);
        if (host.draining()) {
            Label badge = Ui.styled(new Label("draining"), "settings-badge", "settings-badge-draining");
            badge.setId(id + "-draining");
            heading.getChildren().add(badge);
        }
        Label machine = Ui.styled(new Label(host.machine()), "settings-host-machine");
        machine.setId(id + "-machine");
        VBox details = new VBox(2);
        details.getChildren().setAll(host.details().stream().map(line -> Ui.styled(new Label(line), "settings-hint"))
                .toList());
        details.setManaged(!host.details().isEmpty());
        FlowPane slots = Ui.styled(new FlowPane(), "settings-slots");
        slots.getChildren().setAll(host.slots().stream().map(slot -> Ui.styled(new Label(slot), "settings-slot")).toList());
        slots.setManaged(!host.slots().isEmpty());
        Label summary = Ui.styled(new Label(host.summary()), "settings-hint");
        summary.setId(id + "-summary");
        summary.setWrapText(true);
        if (host.problem().isEmpty()) {
            return new Node[] {heading, machine, details, slots, summary};
        }
        Label problem = Ui.styled(new Label(host.problem()), "form-error");
        problem.setId(id + "-problem");
        problem.setWrapText(true);
        return new Node[] {heading, machine, details, slots, summary, problem};
    }

    /** A test's facts, one line each, taking no room while there are none. */
    static VBox facts(javafx.collections.ObservableList<String> lines, String id) {
        VBox box = Ui.styled(new VBox(1), "settings-facts");
        box.setId(id);
        Runnable fill = () -> box.getChildren().setAll(lines.stream()
                .map(line -> Ui.styled(new Label(line), "settings-fact")).toList());
        lines.addListener((ListChangeListener<String>) change -> fill.run());
        fill.run();
        box.visibleProperty().bind(Bindings.isNotEmpty(lines));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    static ProgressIndicator spinner(javafx.beans.value.ObservableBooleanValue busy) {
        ProgressIndicator spinner = Ui.styled(new ProgressIndicator(), "settings-spinner");
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        spinner.visibleProperty().bind(busy);
        spinner.managedProperty().bind(spinner.visibleProperty());
        return spinner;
    }

    /** The add form: a card of fields, each with its sentence under it, then Add, Test and Cancel. */
    static final class DockerHostFormView {

        private final VBox root;
        private final TextField name;

        DockerHostFormView(DockerHostForm form) {
            name = field("docker-name", form.nameProperty(), "e.g. gpu-box", form.nameErrorProperty());
            TextField endpoint = field("docker-endpoint", form.endpointProperty(),
                    "unix:///var/run/docker.sock or tcp://HOST:2376", form.endpointErrorProperty());
            TextField tls = field("docker-tls", form.tlsDirProperty(), "for tcp:// only: the folder with ca.pem,"
                    + " cert.pem, key.pem", form.tlsDirErrorProperty());
            Button choose = new Button("Choose…");
            choose.setId("docker-tls-choose");
            choose.setOnAction(event -> {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("The Docker host's TLS folder (ca.pem, cert.pem, key.pem)");
                File picked = chooser.showDialog(choose.getScene() == null ? null : choose.getScene().getWindow());
                if (picked != null) {
                    form.tlsDirProperty().set(picked.getAbsolutePath());
                }
            });
            TextField gpus = field("docker-gpus", form.gpuIdsProperty(), "e.g. 0,1; empty for CPU runs only",
                    form.gpuIdsErrorProperty());
            TextField slots = field("docker-slots", form.slots().textProperty(), "", form.slots().errorProperty());
            slots.setPrefWidth(80);
            slots.setMaxWidth(80);

            GridPane grid = Ui.styled(new GridPane(), "settings-grid");
            int row = 0;
            row = addRow(grid, row, "Name", name, form.nameErrorProperty(), "docker-name-error");
            row = addRow(grid, row, "Endpoint", endpoint, form.endpointErrorProperty(), "docker-endpoint-error");
            HBox tlsLine = new HBox(8, tls, choose);
            HBox.setHgrow(tls, Priority.ALWAYS);
            row = addRow(grid, row, "TLS folder", tlsLine, form.tlsDirErrorProperty(), "docker-tls-error");
            row = addRow(grid, row, "GPU ids", gpus, form.gpuIdsErrorProperty(), "docker-gpus-error");
            addRow(grid, row, "CPU slots", slots, form.slots().errorProperty(), "docker-slots-error");

            Button add = new Button("Add");
            add.setId("docker-add");
            add.getStyleClass().add("settings-primary");
            add.disableProperty().bind(form.canAddProperty().not());
            add.setOnAction(event -> form.add());
            Button test = new Button("Test");
            test.setId("docker-test");
            test.disableProperty().bind(form.canTestProperty().not());
            test.setOnAction(event -> form.test());
            Button cancel = new Button("Cancel");
            cancel.setId("docker-cancel");
            cancel.setOnAction(event -> form.cancel());
            HBox actions = new HBox(8, add, test, cancel, spinner(form.testingProperty().or(form.addingProperty())));
            actions.setAlignment(Pos.CENTER_LEFT);
            actions.getStyleClass().add("settings-actions");

            Label outcome = Ui.outcome(form.messageProperty(), form.messageIsErrorProperty());
            outcome.setId("docker-message");
            Label title = Ui.styled(new Label("Add a Docker host"), "settings-card-title");
            Label note = Ui.styled(new Label("A Docker daemon on this machine (unix socket) or on a server (tcp:// with"
                    + " TLS). Runs copy their code in, so the server needs no shared disk."), "settings-hint");
            note.setWrapText(true);
            root = Ui.styled(new VBox(title, note, grid, actions, facts(form.facts(), "docker-facts"), outcome),
                    "settings-card", "settings-host", "settings-docker-form");
            root.setId("docker-form");
            root.visibleProperty().bind(form.openProperty());
            root.managedProperty().bind(root.visibleProperty());
            root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == KeyCode.ESCAPE) {
                    form.cancel();
                    event.consume();
                } else if (event.getCode() == KeyCode.ENTER && event.getTarget() instanceof TextField) {
                    form.add();
                    event.consume();
                }
            });
        }

        VBox root() {
            return root;
        }

        /** Puts the keyboard in the first field, once the form shows. */
        void focus() {
            name.requestFocus();
        }

        private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt,
                                       javafx.beans.value.ObservableStringValue error) {
            TextField field = new TextField();
            field.setId(id);
            field.textProperty().bindBidirectional(value);
            field.setPromptText(prompt);
            field.setPrefWidth(380);
            Ui.flagInvalid(field, error);
            return field;
        }

        private static int addRow(GridPane grid, int row, String label, Node field,
                                  javafx.beans.value.ObservableStringValue error, String errorId) {
            Label name = Ui.styled(new Label(label), "settings-field-label");
            name.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row, name, field);
            GridPane.setHgrow(field, Priority.ALWAYS);
            Label sentence = Ui.note(error, "form-error");
            sentence.setId(errorId);
            sentence.setMaxWidth(520);
            grid.add(sentence, 1, row + 1);
            return row + 2;
        }
    }
}
