package dev.groundwork.views.settings;

import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.views.common.TaskExecutor;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The form that adds a Docker host: name, endpoint, TLS folder, GPU ids and CPU slots, each checked as it is typed with
 * the host book's own rules (a sentence under the field; Add stays disabled until every field is right), a test of the
 * draft before it is added, and the add itself. What the host book still refuses (a TLS folder without its files, a name
 * another Groundwork took meanwhile) shows under the form and nothing typed is lost.
 */
public final class DockerHostForm {

    /** A Docker host takes this many CPU runs at once unless the researcher says otherwise (as the CLI's add). */
    static final String DEFAULT_SLOTS = "2";

    private final ExecutionHosts hosts;
    private final TaskExecutor tasks;
    private final ObservableList<HostRow> listed;
    private final Consumer<ExecutionHosts.Draft> added;
    private final BooleanProperty open = new SimpleBooleanProperty();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty tlsDir = new SimpleStringProperty("");
    private final StringProperty gpuIds = new SimpleStringProperty("");
    private final NumberField slots = new NumberField(NumberField.Kind.COUNT);
    private final StringBinding nameError;
    private final StringBinding endpointError;
    private final StringBinding tlsDirError;
    private final StringBinding gpuIdsError;
    private final BooleanBinding complete;
    private final BooleanBinding canAdd;
    private final BooleanBinding canTest;
    private final ObservableList<String> facts = FXCollections.observableArrayList();
    private final ObservableList<String> factsShown = FXCollections.unmodifiableObservableList(facts);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper adding = new ReadOnlyBooleanWrapper();

    /**
     * @param listed the hosts the page shows, whose names are taken
     * @param added  after a host was added: the page reads the hosts again and says so
     */
    DockerHostForm(ExecutionHosts hosts, TaskExecutor tasks, ObservableList<HostRow> listed,
                   Consumer<ExecutionHosts.Draft> added) {
        this.hosts = hosts;
        this.tasks = tasks;
        this.listed = listed;
        this.added = added;
        slots.textProperty().set(DEFAULT_SLOTS);
        nameError = Bindings.createStringBinding(() -> nameProblem(name.get().strip()), name, listed);
        endpointError = Bindings.createStringBinding(() -> endpoint.get().isBlank() ? ""
                : HostConfig.endpointProblem(endpoint.get().strip()).orElse(""), endpoint);
        tlsDirError = Bindings.createStringBinding(() -> tlsProblem(endpoint.get().strip(), tlsDir.get().strip()),
                endpoint, tlsDir);
        gpuIdsError = Bindings.createStringBinding(() -> gpuProblem(gpuIds.get()), gpuIds);
        complete = Bindings.createBooleanBinding(() -> !name.get().isBlank() && !endpoint.get().isBlank()
                        && nameError.get().isEmpty() && endpointError.get().isEmpty() && tlsDirError.get().isEmpty()
                        && gpuIdsError.get().isEmpty() && slots.isValid(),
                name, endpoint, nameError, endpointError, tlsDirError, gpuIdsError, slots.errorProperty());
        canAdd = complete.and(adding.not()).and(Bindings.createBooleanBinding(hosts::editable));
        canTest = complete.and(testing.not());
    }

    private String nameProblem(String typed) {
        if (typed.isEmpty()) {
            return "";
        }
        Optional<String> problem = HostConfig.nameProblem(typed);
        if (problem.isPresent()) {
            return problem.get();
        }
        boolean taken = typed.equals(HostConfig.LOCAL) || listed.stream().anyMatch(host -> host.name().equals(typed));
        return taken ? "There is already a host named " + typed + "; choose another name, or remove that one first." : "";
    }

    private static String tlsProblem(String endpoint, String folder) {
        if (folder.isEmpty()) {
            return endpoint.startsWith("tcp://") ? "A tcp:// Docker endpoint needs its TLS folder (ca.pem, cert.pem,"
                    + " key.pem): an open Docker port lets anyone on the network run code as root there." : "";
        }
        try {
            return Path.of(folder).isAbsolute() ? ""
                    : "Give the TLS folder's whole path, e.g. /home/you/.docker/gpu-box, or choose it.";
        } catch (InvalidPathException e) {
            return "'" + folder + "' is not a folder's path; choose the folder with ca.pem, cert.pem and key.pem.";
        }
    }

    /** Empty for "0,1", "0 1", "" (none); the sentence otherwise. */
    static String gpuProblem(String typed) {
        try {
            List<Integer> ids = gpuList(typed);
            return ids.stream().distinct().count() == ids.size() ? ""
                    : "Each GPU id once: " + typed.strip() + " names one twice.";
        } catch (NumberFormatException e) {
            return "'" + typed.strip() + "' is not a list of GPU ids; type them as nvidia-smi numbers them, e.g. 0,1,"
                    + " or leave it empty for CPU runs only.";
        }
    }

    private static List<Integer> gpuList(String typed) {
        List<Integer> ids = new ArrayList<>();
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return ids;
        }
        for (String part : text.split("[,\\s]+")) {
            if (!part.matches("\\d{1,3}")) {
                throw new NumberFormatException(part);
            }
            ids.add(Integer.parseInt(part));
        }
        return ids;
    }

    /** The form's values as the host book takes them; only while they are {@link #canTestProperty() complete}. */
    ExecutionHosts.Draft draft() {
        List<Integer> ids = gpuList(gpuIds.get());
        String folder = tlsDir.get().strip();
        return new ExecutionHosts.Draft(name.get().strip(), endpoint.get().strip(),
                folder.isEmpty() ? Optional.empty() : Optional.of(Path.of(folder)),
                ids.isEmpty() ? Optional.empty() : Optional.of(ids), Integer.parseInt(slots.textProperty().get().strip()));
    }

    /** Shows the form, as it was left. */
    public void show() {
        open.set(true);
    }

    /** Hides the form; what was typed stays for the next time it shows. */
    public void cancel() {
        open.set(false);
        facts.clear();
        say("", false);
    }

    /** Asks the draft's daemon whether it can take runs, before the host is added. */
    public void test() {
        if (!canTest.get()) {
            return;
        }
        ExecutionHosts.Draft draft = draft();
        testing.set(true);
        facts.clear();
        say("Asking " + draft.endpoint() + "…", false);
        tasks.submit("Testing Docker host " + draft.name(), progress -> hosts.test(draft), check -> {
            testing.set(false);
            facts.setAll(check.facts());
            say(check.sentence(), !check.ok());
        }, failure -> {
            testing.set(false);
            say("The test could not run: " + failure.getMessage(), true);
        });
    }

    /** Adds the host; the form empties and hides once it is saved, and keeps everything when it is refused. */
    public void add() {
        if (!canAdd.get()) {
            return;
        }
        ExecutionHosts.Draft draft = draft();
        adding.set(true);
        say("Adding " + draft.name() + "…", false);
        tasks.submit("Adding Docker host " + draft.name(), progress -> {
            hosts.add(draft);
            return draft;
        }, done -> {
            adding.set(false);
            name.set("");
            endpoint.set("");
            tlsDir.set("");
            gpuIds.set("");
            slots.textProperty().set(DEFAULT_SLOTS);
            cancel();
            added.accept(done);
        }, failure -> {
            adding.set(false);
            say(failure.getMessage(), true);
        });
    }

    private void say(String text, boolean error) {
        messageIsError.set(error);
        message.set(Objects.requireNonNullElse(text, ""));
    }

    /** Whether the form shows. */
    public ReadOnlyBooleanProperty openProperty() {
        return open;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** unix:///var/run/docker.sock or tcp://HOST:PORT. */
    public StringProperty endpointProperty() {
        return endpoint;
    }

    /** The TLS folder's path; empty for none. */
    public StringProperty tlsDirProperty() {
        return tlsDir;
    }

    /** GPU ids as typed, e.g. "0,1"; empty for CPU runs only. */
    public StringProperty gpuIdsProperty() {
        return gpuIds;
    }

    /** CPU runs at once. */
    public NumberField slots() {
        return slots;
    }

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public StringBinding endpointErrorProperty() {
        return endpointError;
    }

    public StringBinding tlsDirErrorProperty() {
        return tlsDirError;
    }

    public StringBinding gpuIdsErrorProperty() {
        return gpuIdsError;
    }

    public BooleanBinding canAddProperty() {
        return canAdd;
    }

    public BooleanBinding canTestProperty() {
        return canTest;
    }

    /** What the last test learned, one line each. */
    public ObservableList<String> facts() {
        return factsShown;
    }

    /** The last test's sentence, or why the host could not be added. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty addingProperty() {
        return adding.getReadOnlyProperty();
    }
}
