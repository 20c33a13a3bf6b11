package dev.groundwork.views.settings;

import dev.groundwork.model.spec.AgentRef;
import dev.groundwork.model.spec.StudySpec;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.StatusFormat;
import dev.groundwork.views.common.StatusPageViewModel;
import dev.groundwork.views.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings page: the open study's gates, budgets and search sizes (saved into its groundwork.yaml), the LLM
 * providers (saved in the user's settings file, with a test), and the hosts runs go to with their slots.
 */
public final class SettingsViewModel {

    private final TaskExecutor tasks;
    private final SettingsPorts ports;
    private final ObservableValue<? extends Study> study;
    private final SpecForm spec;
    private final ObservableList<ProviderForm> providers = FXCollections.observableArrayList();
    private final ObservableList<HostRow> hosts = FXCollections.observableArrayList();
    private final ObservableList<HostCard> hostCards = FXCollections.observableArrayList();
    private final DockerHostForm dockerForm;
    private final ReadOnlyStringWrapper hostsNotice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper providersMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hostsMessage = new ReadOnlyStringWrapper("");
    private final StatusPageViewModel page;
    private final StringBinding studyTitle;
    private final StringBinding llmSpent;
    private final StringBinding gpuSpent;
    private boolean providersRead;

    /** Without the app's providers and hosts: the study's settings only. */
    public SettingsViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status,
                             TaskExecutor tasks) {
        this(study, status, tasks, SettingsPorts.NONE);
    }

    /**
     * @param ports the app's LLM providers and execution hosts; {@link SettingsPorts#NONE} shows the study's settings
     *              only
     */
    public SettingsViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status,
                             TaskExecutor tasks, SettingsPorts ports) {
        this.tasks = tasks;
        this.ports = ports;
        this.study = study;
        this.spec = new SpecForm(tasks, this::specSaved);
        this.dockerForm = new DockerHostForm(ports.hosts(), tasks, hosts, this::hostAdded);
        page = new StatusPageViewModel("Settings",
                "The study's gates, budgets and search; the LLM providers its agents call; the hosts its runs go to.",
                study, status, (s, st) -> facts(s));
        studyTitle = Bindings.createStringBinding(() -> study.getValue() == null ? "This study"
                : "This study · " + study.getValue().name(), study);
        llmSpent = Bindings.createStringBinding(() -> status.getValue() == null ? ""
                : StatusFormat.usd(status.getValue().llmUsd()) + " spent so far", status);
        gpuSpent = Bindings.createStringBinding(() -> status.getValue() == null ? ""
                : StatusFormat.hours(status.getValue().gpuHours()) + " h used so far", status);
        study.addListener((property, old, now) -> show(now));
        show(study.getValue());
    }

    private void show(Study now) {
        if (now == null) {
            spec.showNone("Open a study to see its gates, budgets and search.");
            showHosts(List.of());
            hostsMessage.set("Open a study to see the slots its runs get.");
            readProviders(null); // the providers are the user's, not a study's
            return;
        }
        if (!(now instanceof StudyFolder folder)) {
            spec.showNone("This study has no groundwork.yaml that this window can edit.");
            showHosts(List.of());
            hostsMessage.set("");
            readProviders(null);
            return;
        }
        spec.show(folder);
        readHosts(folder.spec());
        readProviders(folder.spec());
    }

    /** The providers are read once; a study only changes which of them its agents use. */
    private void readProviders(StudySpec studySpec) {
        if (providersRead) {
            showUsers(studySpec);
            return;
        }
        providersRead = true;
        tasks.submit("Reading LLM provider settings", progress -> ports.providers().read(), states -> {
            providers.setAll(states.stream().map(state -> new ProviderForm(state, ports.providers(), tasks)).toList());
            providersMessage.set(states.isEmpty() ? "LLM provider settings are not available in this window." : "");
            showUsers(currentSpec());
        }, failure -> {
            providersRead = false;
            providersMessage.set(failure.getMessage());
        });
    }

    private void showUsers(StudySpec studySpec) {
        for (ProviderForm form : providers) {
            if (studySpec == null) {
                form.showNoStudy();
                continue;
            }
            List<String> users = new ArrayList<>();
            String model = "";
            for (Map.Entry<String, AgentRef> agent : List.of(Map.entry("agents.ideator", studySpec.agents().ideator()),
                    Map.entry("agents.implementer", studySpec.agents().implementer()))) {
                if (agent.getValue().kind().name().toLowerCase(Locale.ROOT).equals(form.id())) {
                    users.add(agent.getKey() + ": " + agent.getValue());
                    model = model.isEmpty() ? agent.getValue().model().orElse("") : model;
                }
            }
            form.showUsers(users, model);
        }
    }

    private void readHosts(StudySpec studySpec) {
        int concurrency = studySpec.search().concurrency();
        int gpusPerRun = studySpec.run().gpusPerRun();
        hostsMessage.set("");
        tasks.submit("Reading the hosts", progress -> ports.hosts().hosts(studySpec.run(), concurrency), found -> {
            showHosts(found.stream().map(host -> HostRow.of(host, concurrency, gpusPerRun)).toList());
            hostsMessage.set(found.isEmpty() ? "The hosts are not available in this window." : "");
        }, failure -> {
            showHosts(List.of());
            hostsMessage.set("The hosts could not be read: " + failure.getMessage());
        });
    }

    /** A card per host, the cards of hosts still listed kept (with their last test), in the order read. */
    private void showHosts(List<HostRow> rows) {
        Map<String, HostCard> known = new HashMap<>();
        hostCards.forEach(card -> known.put(card.name(), card));
        List<HostCard> cards = new ArrayList<>();
        for (HostRow row : rows) {
            HostCard card = known.get(row.name());
            if (card == null) {
                card = new HostCard(row, ports.hosts(), tasks, this::hostsChanged, this::hostRemoved);
            } else {
                card.show(row);
            }
            cards.add(card);
        }
        hosts.setAll(rows);
        hostCards.setAll(cards);
    }

    private void hostAdded(ExecutionHosts.Draft draft) {
        hostsNotice.set("Added Docker host " + draft.name() + " (" + draft.endpoint() + "); Test asks it whether it can"
                + " take runs.");
        hostsChanged();
    }

    private void hostRemoved(String sentence) {
        hostsNotice.set(sentence);
        hostsChanged();
    }

    /** After a host was added, drained, opened or removed. */
    private void hostsChanged() {
        StudySpec current = currentSpec();
        if (current != null) {
            readHosts(current);
        }
    }

    /** After a save, the slots follow the new concurrency. */
    private void specSaved(StudySpec saved) {
        if (study.getValue() instanceof StudyFolder folder && folder.spec() == saved) {
            readHosts(saved);
        }
    }

    private StudySpec currentSpec() {
        return study.getValue() instanceof StudyFolder folder ? folder.spec() : null;
    }

    static List<Fact> facts(Study study) {
        return List.of(
                new Fact("Study", study.name(), ""),
                new Fact("Study folder", study.dir().toString(), ""),
                study.readOnly()
                        ? new Fact("Access", "Read-only", study.readOnlyReason().orElse(""))
                        : new Fact("Access", "Writable", "this window holds the study's lock"));
    }

    /** The page's title, description and the study's folder and access. */
    public StatusPageViewModel page() {
        return page;
    }

    public SpecForm spec() {
        return spec;
    }

    public ObservableList<ProviderForm> providers() {
        return providers;
    }

    public ObservableList<HostRow> hosts() {
        return hosts;
    }

    /** A card per host, with its test, drain / open and remove. */
    public ObservableList<HostCard> hostCards() {
        return hostCards;
    }

    /** The form that adds a Docker host. */
    public DockerHostForm dockerForm() {
        return dockerForm;
    }

    /** Whether this window can add, drain and remove hosts. */
    public boolean hostsEditable() {
        return ports.hosts().editable();
    }

    /** What the last add or remove did, e.g. "Added Docker host gpu-box (…)"; empty before. */
    public ReadOnlyStringProperty hostsNoticeProperty() {
        return hostsNotice.getReadOnlyProperty();
    }

    /** Why the providers are not shown; empty when they are. */
    public ReadOnlyStringProperty providersMessageProperty() {
        return providersMessage.getReadOnlyProperty();
    }

    /** Why no host is shown; empty when hosts are. */
    public ReadOnlyStringProperty hostsMessageProperty() {
        return hostsMessage.getReadOnlyProperty();
    }

    /** "This study · charlm". */
    public StringBinding studyTitleProperty() {
        return studyTitle;
    }

    /** "$1.25 spent so far", beside the LLM budget; empty until the status is read. */
    public StringBinding llmSpentProperty() {
        return llmSpent;
    }

    /** "0.4 h used so far", beside the GPU budget. */
    public StringBinding gpuSpentProperty() {
        return gpuSpent;
    }
}
