package dev.groundwork.views.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.fakes.Statuses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Settings page's hosts on a real charlm study and a real host book: the add form checked as it is typed, adding,
 * a refusal that keeps what was typed, testing a draft and a card, drain / open, remove after a confirmation.
 */
class HostsViewModelTest {

    @TempDir
    Path temp;

    private SettingsStudy fixture;
    private final SimpleObjectProperty<Study> study = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<StudyStatus> status = new SimpleObjectProperty<>();
    private SettingsViewModel vm;
    private DockerHostForm form;

    @BeforeEach
    void open() throws Exception {
        fixture = new SettingsStudy(temp);
        vm = new SettingsViewModel(study, status, new SameThreadTaskExecutor(), fixture.ports);
        study.set(fixture.study);
        status.set(Statuses.sample("charlm"));
        form = vm.dockerForm();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void eachFieldIsCheckedAsItIsTypedAndAddWaitsUntilAllAreRight() {
        assertThat(form.canAddProperty().get()).as("nothing typed").isFalse();
        assertThat(form.nameErrorProperty().get()).as("an empty field is not yet a mistake").isEmpty();

        form.nameProperty().set("GPU Box");
        assertThat(form.nameErrorProperty().get()).isEqualTo(HostConfig.nameProblem("GPU Box").orElseThrow());
        form.nameProperty().set("local");
        assertThat(form.nameErrorProperty().get())
                .isEqualTo("There is already a host named local; choose another name, or remove that one first.");
        form.nameProperty().set("gpu-box");
        assertThat(form.nameErrorProperty().get()).isEmpty();

        form.endpointProperty().set("http://gpu-box:2375");
        assertThat(form.endpointErrorProperty().get())
                .isEqualTo(HostConfig.endpointProblem("http://gpu-box:2375").orElseThrow());
        form.endpointProperty().set("tcp://gpu-box:2376");
        assertThat(form.endpointErrorProperty().get()).isEmpty();
        assertThat(form.tlsDirErrorProperty().get()).startsWith("A tcp:// Docker endpoint needs its TLS folder");
        form.tlsDirProperty().set("certs/gpu-box");
        assertThat(form.tlsDirErrorProperty().get()).startsWith("Give the TLS folder's whole path");
        form.endpointProperty().set("unix:///var/run/docker.sock");
        form.tlsDirProperty().set("");
        assertThat(form.tlsDirErrorProperty().get()).as("a unix socket needs none").isEmpty();

        form.gpuIdsProperty().set("0, x");
        assertThat(form.gpuIdsErrorProperty().get()).isEqualTo("'0, x' is not a list of GPU ids; type them as nvidia-smi"
                + " numbers them, e.g. 0,1, or leave it empty for CPU runs only.");
        form.gpuIdsProperty().set("0,0");
        assertThat(form.gpuIdsErrorProperty().get()).isEqualTo("Each GPU id once: 0,0 names one twice.");
        form.gpuIdsProperty().set("0 1");
        assertThat(form.gpuIdsErrorProperty().get()).isEmpty();

        form.slots().textProperty().set("0");
        assertThat(form.slots().errorProperty().get()).isEqualTo("0 is too few; type a whole number of at least 1.");
        assertThat(form.canAddProperty().get()).isFalse();
        assertThat(form.canTestProperty().get()).isFalse();
        form.slots().textProperty().set("3");

        assertThat(form.canAddProperty().get()).isTrue();
        assertThat(form.canTestProperty().get()).isTrue();
        assertThat(form.draft()).isEqualTo(new ExecutionHosts.Draft("gpu-box", "unix:///var/run/docker.sock",
                Optional.empty(), Optional.of(List.of(0, 1)), 3));
    }

    @Test
    void anAddedHostIsSavedAndGetsItsCardAndItsNameIsTakenThen() {
        form.show();
        fill("gpu-box", "unix:///nowhere.sock", "0,1", "2");

        form.add();

        assertThat(fixture.hosts.book.configured()).singleElement().satisfies(host -> {
            assertThat(host.name()).isEqualTo("gpu-box");
            assertThat(host.endpoint()).hasValue("unix:///nowhere.sock");
            assertThat(host.gpuIds()).hasValue(List.of(0, 1));
            assertThat(host.cpuSlots()).isEqualTo(2);
        });
        assertThat(vm.hostCards()).extracting(HostCard::name).containsExactly("local", "gpu-box");
        HostRow docker = vm.hosts().get(1);
        assertThat(docker.docker()).isTrue();
        assertThat(docker.machine()).isEqualTo("unix:///nowhere.sock");
        assertThat(docker.details()).containsExactly("GPUs 0, 1 for runs", "2 CPU slots when runs use no GPU");
        assertThat(docker.summary()).isEqualTo("Not used by this study: its run.target is local.");
        assertThat(vm.hostsNoticeProperty().get()).isEqualTo("Added Docker host gpu-box (unix:///nowhere.sock); Test asks"
                + " it whether it can take runs.");
        assertThat(form.openProperty().get()).as("the form closes").isFalse();
        assertThat(form.nameProperty().get()).as("and is empty for the next host").isEmpty();
        assertThat(form.slots().textProperty().get()).isEqualTo("2");

        form.nameProperty().set("gpu-box");
        assertThat(form.nameErrorProperty().get()).startsWith("There is already a host named gpu-box");
    }

    @Test
    void whatTheHostBookRefusesShowsAndEverythingTypedStays() throws Exception {
        Path certs = Files.createDirectories(temp.resolve("certs"));
        form.show();
        fill("gpu-box", "tcp://10.0.0.7:2376", "0", "1");
        form.tlsDirProperty().set(certs.toString());
        assertThat(form.canAddProperty().get()).isTrue();

        form.add();

        assertThat(form.messageProperty().get()).isEqualTo("The TLS folder " + certs + " has no ca.pem; it needs ca.pem,"
                + " cert.pem and key.pem (the files `docker --tlsverify` uses).");
        assertThat(form.messageIsErrorProperty().get()).isTrue();
        assertThat(form.openProperty().get()).isTrue();
        assertThat(List.of(form.nameProperty().get(), form.endpointProperty().get(), form.tlsDirProperty().get(),
                form.gpuIdsProperty().get(), form.slots().textProperty().get()))
                .containsExactly("gpu-box", "tcp://10.0.0.7:2376", certs.toString(), "0", "1");
        assertThat(fixture.hosts.book.configured()).isEmpty();
        assertThat(vm.hostCards()).hasSize(1);
    }

    @Test
    void aDraftIsTestedWithTheFormsValuesAndItsFactsOrItsProblemShow() {
        fill("gpu-box", "unix:///nowhere.sock", "", "2");

        form.test();

        assertThat(fixture.hosts.calls).containsExactly("test draft gpu-box unix:///nowhere.sock");
        assertThat(form.facts()).containsExactly("Docker 27.3.1, API 1.47", "GPUs 0, 1 (NVIDIA H100 80GB HBM3)");
        assertThat(form.messageProperty().get()).isEqualTo("gpu-box answers and can take runs.");
        assertThat(form.messageIsErrorProperty().get()).isFalse();
        assertThat(fixture.hosts.book.configured()).as("a test adds nothing").isEmpty();

        fixture.hosts.answer = new ExecutionHosts.Check(false, List.of(), "Nothing answers at unix:///nowhere.sock;"
                + " start Docker there or correct the endpoint.");
        form.test();
        assertThat(form.facts()).isEmpty();
        assertThat(form.messageProperty().get()).startsWith("Nothing answers at unix:///nowhere.sock");
        assertThat(form.messageIsErrorProperty().get()).isTrue();
    }

    @Test
    void aCardsTestShowsWhatTheHostSaid() {
        HostCard local = vm.hostCards().getFirst();
        fixture.hosts.answer = new ExecutionHosts.Check(true, List.of("8 CPU cores", "No GPU (nvidia-smi shows none)"),
                "local answers and can take runs.");

        local.test();

        assertThat(fixture.hosts.calls).containsExactly("test local");
        assertThat(local.facts()).containsExactly("8 CPU cores", "No GPU (nvidia-smi shows none)");
        assertThat(local.messageProperty().get()).isEqualTo("local answers and can take runs.");
        assertThat(local.testingProperty().get()).isFalse();
        assertThat(local.canChangeProperty().get()).as("this machine is never drained nor removed").isFalse();
        local.requestRemove();
        assertThat(local.confirmingRemoveProperty().get()).isFalse();
    }

    @Test
    void aDockerHostIsDrainedAndOpenedAgainAndItsCardStays() {
        fixture.hosts.book.addDocker("gpu-box", "unix:///nowhere.sock", Optional.empty(), Optional.empty(), 2);
        study.set(null);
        study.set(fixture.study);
        HostCard local = vm.hostCards().getFirst();
        HostCard docker = vm.hostCards().get(1);
        local.test();

        docker.toggleDrain();

        assertThat(fixture.hosts.book.find("gpu-box").orElseThrow().draining()).isTrue();
        assertThat(vm.hostCards().get(1)).as("the same card, read again").isSameAs(docker);
        assertThat(docker.rowProperty().get().draining()).isTrue();
        assertThat(docker.rowProperty().get().summary())
                .isEqualTo("Draining: the runs on it finish and no new one starts there.");
        assertThat(docker.messageProperty().get())
                .isEqualTo("gpu-box is draining: its runs finish and no new one starts there.");
        assertThat(vm.hostCards().getFirst()).isSameAs(local);
        assertThat(local.messageProperty().get()).as("another card's test outcome stays")
                .isEqualTo("gpu-box answers and can take runs.");

        docker.toggleDrain();
        assertThat(fixture.hosts.book.find("gpu-box").orElseThrow().draining()).isFalse();
        assertThat(docker.rowProperty().get().draining()).isFalse();
        assertThat(docker.messageProperty().get()).isEqualTo("gpu-box takes new runs again.");
        assertThat(fixture.hosts.calls).containsExactly("test local", "drain gpu-box", "open gpu-box");
    }

    @Test
    void aDockerHostIsRemovedOnlyOnceTheResearcherConfirms() {
        fixture.hosts.book.addDocker("gpu-box", "unix:///nowhere.sock", Optional.empty(), Optional.empty(), 2);
        study.set(null);
        study.set(fixture.study);
        HostCard docker = vm.hostCards().get(1);

        docker.requestRemove();
        assertThat(docker.confirmingRemoveProperty().get()).isTrue();
        docker.cancelRemove();
        docker.confirmRemove();
        assertThat(fixture.hosts.book.configured()).as("kept: the researcher said no").hasSize(1);

        docker.requestRemove();
        docker.confirmRemove();

        assertThat(fixture.hosts.book.configured()).isEmpty();
        assertThat(vm.hostCards()).extracting(HostCard::name).containsExactly("local");
        assertThat(vm.hostsNoticeProperty().get())
                .isEqualTo("Removed gpu-box; its containers and images are left as they are.");
    }

    @Test
    void aRefusedDrainSaysWhyOnTheCard() {
        fixture.hosts.book.addDocker("gpu-box", "unix:///nowhere.sock", Optional.empty(), Optional.empty(), 2);
        study.set(null);
        study.set(fixture.study);
        HostCard docker = vm.hostCards().get(1);
        fixture.hosts.book.remove("gpu-box"); // another Groundwork removed it meanwhile

        docker.toggleDrain();

        assertThat(docker.messageProperty().get()).isEqualTo("There is no host named gpu-box; no Docker host is set up.");
        assertThat(docker.messageIsErrorProperty().get()).isTrue();
        assertThat(docker.canChangeProperty().get()).as("it may be tried again").isTrue();
    }

    private void fill(String name, String endpoint, String gpus, String slots) {
        form.nameProperty().set(name);
        form.endpointProperty().set(endpoint);
        form.gpuIdsProperty().set(gpus);
        form.slots().textProperty().set(slots);
    }
}
