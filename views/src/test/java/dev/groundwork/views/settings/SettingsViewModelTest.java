package dev.groundwork.views.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.spec.GatesSpec.Gate;
import dev.groundwork.model.spec.SpecEdit;
import dev.groundwork.model.spec.SpecLoader;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.fakes.FakeStudy;
import dev.groundwork.views.fakes.Statuses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings page's view model on a real charlm study: checking as you type, saving into groundwork.yaml, refusals. */
class SettingsViewModelTest {

    @TempDir
    Path temp;

    private SettingsStudy fixture;
    private final SimpleObjectProperty<Study> study = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<StudyStatus> status = new SimpleObjectProperty<>();
    private SettingsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        fixture = new SettingsStudy(temp);
        vm = new SettingsViewModel(study, status, new SameThreadTaskExecutor(), fixture.ports);
        study.set(fixture.study);
        status.set(Statuses.sample("charlm"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theFormShowsTheStudysSpec() {
        SpecForm form = vm.spec();

        assertThat(form.ideaGateProperty().get()).isEqualTo(Gate.AUTO);
        assertThat(form.patchGateProperty().get()).isEqualTo(Gate.MANUAL);
        assertThat(form.llmUsd().textProperty().get()).isEqualTo("5");
        assertThat(form.gpuHours().textProperty().get()).as("no limit").isEmpty();
        assertThat(form.epochs().textProperty().get()).isEqualTo("3");
        assertThat(form.concurrency().textProperty().get()).isEqualTo("2");
        assertThat(form.unavailableProperty().get()).isEmpty();
        assertThat(form.canSaveProperty().get()).as("nothing changed yet").isFalse();
        assertThat(vm.studyTitleProperty().get()).isEqualTo("This study · charlm");
        assertThat(vm.llmSpentProperty().get()).isEqualTo("$0.4213 spent so far");
    }

    @Test
    void numbersAreCheckedAsTheyAreTyped() {
        SpecForm form = vm.spec();

        form.epochs().textProperty().set("-3");
        assertThat(form.epochs().errorProperty().get()).isEqualTo("-3 is too few; type a whole number of at least 1.");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.canSaveProperty().get()).isFalse();

        form.epochs().textProperty().set("abc");
        assertThat(form.epochs().errorProperty().get())
                .isEqualTo("'abc' is not a whole number; type one of at least 1, e.g. 4.");
        form.epochs().textProperty().set("2.5");
        assertThat(form.epochs().errorProperty().get()).startsWith("'2.5' is not a whole number");
        form.epochs().textProperty().set("");
        assertThat(form.epochs().errorProperty().get()).isEqualTo("Type a whole number of at least 1.");

        form.llmUsd().textProperty().set("-3");
        assertThat(form.llmUsd().errorProperty().get())
                .isEqualTo("A limit cannot be negative; type 0 or more, or leave it empty for no limit.");
        form.llmUsd().textProperty().set("abc");
        assertThat(form.llmUsd().errorProperty().get())
                .isEqualTo("'abc' is not a number; type an amount such as 20, or leave it empty for no limit.");
        form.llmUsd().textProperty().set("1e3");
        assertThat(form.llmUsd().errorProperty().get()).startsWith("'1e3' is not a number");

        form.epochs().textProperty().set("6");
        form.llmUsd().textProperty().set("");
        assertThat(form.epochs().errorProperty().get()).isEmpty();
        assertThat(form.llmUsd().errorProperty().get()).as("empty is no limit").isEmpty();
        assertThat(form.canSaveProperty().get()).isTrue();
    }

    @Test
    void aSaveWritesOnlyTheChangedValuesIntoTheFileAndTheOpenStudy() throws Exception {
        String before = fixture.spec();
        SpecForm form = vm.spec();
        form.ideaGateProperty().set(Gate.MANUAL);
        form.llmUsd().textProperty().set("7.50");
        form.gpuHours().textProperty().set("2");
        form.concurrency().textProperty().set("1");
        assertThat(form.edits()).containsExactly(SpecEdit.set("gates.idea", "manual"),
                SpecEdit.set("budget.llm_usd", "7.5"), SpecEdit.set("budget.gpu_hours", "2"),
                SpecEdit.set("search.concurrency", "1"));

        form.save();

        assertThat(fixture.spec()).isEqualTo(before
                .replace("gates: { idea: auto,", "gates: { idea: manual,")
                .replace("budget: { llm_usd: 5 }", "budget: { llm_usd: 7.5, gpu_hours: 2 }")
                .replace("concurrency: 2,", "concurrency: 1,"));
        assertThat(fixture.study.spec().gates().idea()).isEqualTo(Gate.MANUAL);
        assertThat(fixture.study.spec().budget().gpuHours()).isEqualTo(OptionalDouble.of(2));
        assertThat(SpecLoader.loadStudy(fixture.study.dir())).isEqualTo(fixture.study.spec());
        assertThat(form.messageProperty().get()).startsWith("Saved to groundwork.yaml");
        assertThat(form.messageIsErrorProperty().get()).isFalse();
        assertThat(form.llmUsd().textProperty().get()).isEqualTo("7.5");
        assertThat(form.changedProperty().get()).isFalse();
        assertThat(fixture.hostReads).as("the slots follow the new concurrency").containsExactly(2, 1);
        assertThat(vm.hosts().getFirst().slots()).containsExactly("CPU slot 1");

        form.llmUsd().textProperty().set("");
        form.save();
        assertThat(fixture.study.spec().budget().llmUsd()).as("cleared is no limit").isEmpty();
        assertThat(fixture.spec()).contains("budget: { gpu_hours: 2 }");
    }

    @Test
    void aSaveTheLoaderRefusesSaysWhyAndKeepsTheFileAndTheEdits() throws Exception {
        String broken = fixture.spec().replace("timeout: 3m", "timeout: 3 minutes");
        Files.writeString(fixture.specFile(), broken); // edited by hand in another window meanwhile
        SpecForm form = vm.spec();
        form.epochs().textProperty().set("8");

        form.save();

        assertThat(form.messageIsErrorProperty().get()).isTrue();
        assertThat(form.messageProperty().get()).startsWith("Not saved: the spec would not load. groundwork.yaml:")
                .contains("run.timeout: '3 minutes' is not a duration");
        assertThat(fixture.spec()).isEqualTo(broken);
        assertThat(fixture.study.spec().search().epochs()).isEqualTo(3);
        assertThat(form.epochs().textProperty().get()).as("the researcher's edit stays to fix and retry").isEqualTo("8");
        assertThat(form.canSaveProperty().get()).isTrue();

        form.revert();
        assertThat(form.epochs().textProperty().get()).isEqualTo("3");
        assertThat(form.messageProperty().get()).isEmpty();
    }

    @Test
    void aReadOnlyStudyShowsItsSettingsWithTheReasonAndCannotSave() throws Exception {
        try (StudyFolder held = fixture.library.open(fixture.study.dir())) {
            study.set(held);
            SpecForm form = vm.spec();

            assertThat(form.unavailableProperty().get())
                    .isEqualTo("Read-only here: this Groundwork already has the study open in another window.");
            assertThat(form.epochs().textProperty().get()).isEqualTo("3");
            form.epochs().textProperty().set("9");
            assertThat(form.changedProperty().get()).isTrue();
            assertThat(form.canSaveProperty().get()).isFalse();
            form.save();
            assertThat(held.spec().search().epochs()).isEqualTo(3);
        }
    }

    @Test
    void aStudyWithoutASpecFileSaysSo() {
        study.set(FakeStudy.writable("fake", temp.resolve("fake")));

        assertThat(vm.spec().unavailableProperty().get())
                .isEqualTo("This study has no groundwork.yaml that this window can edit.");
        assertThat(vm.spec().canSaveProperty().get()).isFalse();
        assertThat(vm.hosts()).isEmpty();
    }

    @Test
    void theProvidersShowWhichAgentsUseThemAndWhereTheKeyComesFrom() throws Exception {
        fixture.study.editSpec(List.of(SpecEdit.set("agents.ideator", "openai:gpt-4o"),
                SpecEdit.set("agents.implementer", "anthropic:claude-sonnet-4-5")));
        study.set(null);
        study.set(fixture.study);

        ProviderForm openai = vm.providers().get(0);
        ProviderForm anthropic = vm.providers().get(1);
        assertThat(openai.usedByProperty().get()).isEqualTo("Used by agents.ideator: openai:gpt-4o.");
        assertThat(openai.modelProperty().get()).isEqualTo("gpt-4o");
        assertThat(openai.keyNoteProperty().get()).isEqualTo("From environment OPENAI_API_KEY.");
        assertThat(anthropic.usedByProperty().get()).isEqualTo("Used by agents.implementer: anthropic:claude-sonnet-4-5.");
        assertThat(anthropic.keyNoteProperty().get())
                .isEqualTo("No key yet: type one here, or set ANTHROPIC_API_KEY before starting Groundwork.");
        anthropic.baseUrlProperty().set("http://localhost:8080");
        assertThat(anthropic.keyNoteProperty().get())
                .isEqualTo("No key needed: the server is on this machine or a private network.");
    }

    @Test
    void aProvidersBaseUrlIsCheckedAsTypedAndATypedKeyIsSavedThenForgotten() {
        ProviderForm anthropic = vm.providers().get(1);
        assertThat(anthropic.canSaveProperty().get()).isFalse();

        anthropic.baseUrlProperty().set("localhost:8080");
        assertThat(anthropic.baseUrlErrorProperty().get())
                .isEqualTo("Type an http(s) URL with a host, e.g. http://localhost:11434/v1.");
        assertThat(anthropic.canSaveProperty().get()).isFalse();
        anthropic.baseUrlProperty().set("https://user:pw@proxy.example.com");
        assertThat(anthropic.baseUrlErrorProperty().get()).startsWith("Leave the user, password and query out");
        anthropic.baseUrlProperty().set("");

        anthropic.apiKeyProperty().set("sk-ant-typed");
        assertThat(anthropic.keyNoteProperty().get()).startsWith("Save keeps this key in your settings file");
        anthropic.save();

        assertThat(fixture.providers.saved).containsExactly(
                new LlmProviders.Draft("anthropic", "", "", "sk-ant-typed", false));
        assertThat(anthropic.apiKeyProperty().get()).as("the field never holds a saved key").isEmpty();
        assertThat(anthropic.keyNoteProperty().get()).startsWith("A key is saved in your settings file");
        assertThat(anthropic.messageProperty().get()).isEqualTo("Saved to /home/ada/.config/groundwork/settings.json.");
        assertThat(anthropic.canForgetKeyProperty().get()).isTrue();

        anthropic.forgetKey();
        assertThat(fixture.providers.saved.getLast().forgetKey()).isTrue();
        assertThat(anthropic.canForgetKeyProperty().get()).isFalse();
    }

    @Test
    void theTestSendsWhatTheCardHoldsAndShowsTheSentence() {
        ProviderForm openai = vm.providers().getFirst();
        assertThat(openai.canTestProperty().get()).as("no model to test yet (the study uses the catalog)").isFalse();
        openai.modelProperty().set("gpt-4o");
        openai.apiKeyProperty().set("sk-typed");

        openai.test();

        assertThat(fixture.providers.checked).containsExactly(new LlmProviders.Draft("openai", "", "gpt-4o", "sk-typed",
                false));
        assertThat(openai.messageProperty().get()).contains("answered \"ready\"");
        assertThat(openai.messageIsErrorProperty().get()).isFalse();
        assertThat(fixture.providers.saved).as("testing saves nothing").isEmpty();

        fixture.providers.answer = new LlmProviders.Check(false, "OpenAI refused the key (401); check OPENAI_API_KEY.");
        openai.test();
        assertThat(openai.messageProperty().get()).isEqualTo("OpenAI refused the key (401); check OPENAI_API_KEY.");
        assertThat(openai.messageIsErrorProperty().get()).isTrue();
    }

    @Test
    void theLocalHostShowsItsSlotsAndHowManyRunsGoAtOnce() {
        HostRow local = vm.hosts().getFirst();

        assertThat(local.name()).isEqualTo("local");
        assertThat(local.machine()).isEqualTo("8 CPU cores · no GPU (nvidia-smi shows none)");
        assertThat(local.slots()).containsExactly("CPU slot 1", "CPU slot 2");
        assertThat(local.summary()).isEqualTo("Up to 2 runs at once (search.concurrency), sharing the CPU cores;"
                + " run.gpus_per_run is 0.");
        assertThat(local.problem()).isEmpty();
    }

    @Test
    void withNoStudyOpenTheProvidersShowAndTheFormSaysWhy() {
        SettingsViewModel empty = new SettingsViewModel(new SimpleObjectProperty<>(), status, new SameThreadTaskExecutor(),
                fixture.ports);

        assertThat(empty.providers()).extracting(ProviderForm::id).containsExactly("openai", "anthropic");
        assertThat(empty.providers().getFirst().usedByProperty().get()).isEmpty();
        assertThat(empty.spec().unavailableProperty().get()).isEqualTo("Open a study to see its gates, budgets and search.");
        assertThat(empty.hostsMessageProperty().get()).isEqualTo("Open a study to see the slots its runs get.");
    }

    @Test
    void withoutTheAppsPortsThePageSaysWhatIsMissing() {
        SettingsViewModel bare = new SettingsViewModel(study, status, new SameThreadTaskExecutor());

        assertThat(bare.providers()).isEmpty();
        assertThat(bare.providersMessageProperty().get())
                .isEqualTo("LLM provider settings are not available in this window.");
        assertThat(bare.hostsMessageProperty().get()).isEqualTo("The hosts are not available in this window.");
        assertThat(bare.spec().epochs().textProperty().get()).isEqualTo("3");
    }
}
