package dev.groundwork.views.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.fakes.FakeStudy;
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

/** The idea inbox's view model on a real minimal study, with work done on the calling thread. */
class IdeasInboxViewModelTest {

    @TempDir
    Path temp;

    private IdeasStudy fixture;
    private final SimpleObjectProperty<Study> study = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<StudyStatus> status = new SimpleObjectProperty<>();
    private IdeasInboxViewModel vm;
    private Idea cosine;
    private Idea higherLr;
    private Idea warmup;

    @BeforeEach
    void open() throws Exception {
        fixture = new IdeasStudy(temp);
        cosine = fixture.propose(IdeaOrigin.CATALOG, "Cosine schedule", "Decay the learning rate along a cosine.", List.of());
        higherLr = fixture.propose(IdeaOrigin.LLM_EXPLORE, "Higher LR", "Double the learning rate.", List.of());
        warmup = fixture.propose(IdeaOrigin.LLM_EXPLOIT, "Warmup", "Warm up for 100 steps.", List.of(cosine.id()));
        fixture.finishedRun(cosine, 0.25);
        vm = new IdeasInboxViewModel(study, status, new SameThreadTaskExecutor(),
                s -> s == fixture.study ? Optional.of(fixture.inbox) : Optional.empty());
        study.set(fixture.study);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void rowsAreReadNewestFirstAndTheFirstIsSelectedWithItsPrompt() {
        assertThat(vm.rows()).extracting(row -> row.idea().id()).containsExactly(warmup.id(), higherLr.id(), cosine.id());
        assertThat(vm.selectedProperty().get().idea().id()).isEqualTo(warmup.id());
        assertThat(vm.promptProperty().get()).isEqualTo("No prompt was recorded for this idea.");
        assertThat(IdeasInboxViewModel.reward(vm.rows().getLast())).isEqualTo("0.2500");
        assertThat(IdeasInboxViewModel.reward(vm.rows().getFirst())).isEmpty();
        assertThat(IdeasInboxViewModel.parents(vm.rows().getFirst())).isEqualTo(String.valueOf(cosine.id()));

        vm.selectedProperty().set(vm.rows().getLast());
        assertThat(vm.promptProperty().get()).isEqualTo("No prompt: from the offline catalog.");
        assertThat(vm.canDecideProperty().get()).isTrue();
    }

    @Test
    void theDetailPaneAndTheTitleReadTheirTextsFromTheViewModel() {
        IdeaDetailViewModel detail = vm.detail();
        vm.selectedProperty().set(vm.rows().getFirst());
        assertThat(detail.titleProperty().get()).isEqualTo("#" + warmup.id() + "  Warmup");
        assertThat(detail.factsProperty().get()).isEqualTo("proposed · epoch 0 · llm-exploit · 0 runs");
        assertThat(detail.textProperty().get()).isEqualTo("Warm up for 100 steps.");
        assertThat(detail.parentsProperty().get()).isEqualTo("Bred from " + cosine.id() + ".");

        vm.selectedProperty().set(vm.rows().getLast());
        assertThat(detail.factsProperty().get()).startsWith("proposed · epoch 0 · catalog · best reward 0.2500 · 1 run");
        assertThat(detail.parentsProperty().get()).isEqualTo("No parents.");

        vm.selectedProperty().set(null);
        assertThat(List.of(detail.titleProperty().get(), detail.factsProperty().get(), detail.textProperty().get(),
                detail.parentsProperty().get())).containsOnly("");

        assertThat(vm.titleProperty().get()).isEqualTo("Ideas · 3");
        vm.filterTextProperty().set("warm");
        assertThat(vm.titleProperty().get()).isEqualTo("Ideas · 1 of 3");
    }

    @Test
    void rewardsSortBestFirstInTheStudysGoalDirectionWithUnscoredIdeasLast() throws Exception {
        fixture.finishedRun(warmup, 0.4);
        fixture.finishedRun(higherLr, 0.1);
        vm.refresh();
        vm.sorted().setComparator(vm.rewardOrder());
        assertThat(vm.sorted()).as("minimize: the lowest reward is the best").extracting(row -> row.idea().id())
                .containsExactly(higherLr.id(), cosine.id(), warmup.id());
        Idea unscored = fixture.propose(IdeaOrigin.HUMAN, "Not run yet", "", List.of());
        vm.refresh();
        assertThat(vm.sorted().getLast().idea().id()).isEqualTo(unscored.id());
        vm.selectedProperty().set(vm.sorted().getFirst());
        vm.move(1);
        assertThat(vm.selectedProperty().get().idea().id()).as("j moves down the rows as they are sorted")
                .isEqualTo(cosine.id());

        try (IdeasStudy maximizing = new IdeasStudy(temp.resolve("max"), "maximize")) {
            Idea low = maximizing.propose(IdeaOrigin.CATALOG, "Low", "", List.of());
            Idea high = maximizing.propose(IdeaOrigin.CATALOG, "High", "", List.of());
            Idea none = maximizing.propose(IdeaOrigin.CATALOG, "None", "", List.of());
            maximizing.finishedRun(low, 0.2);
            maximizing.finishedRun(high, 0.9);
            study.set(maximizing.study);
            vm = new IdeasInboxViewModel(study, status, new SameThreadTaskExecutor(), s -> Optional.of(maximizing.inbox));
            vm.refresh();
            vm.sorted().setComparator(vm.rewardOrder());
            assertThat(vm.sorted()).as("maximize: the highest reward is the best").extracting(row -> row.idea().id())
                    .containsExactly(high.id(), low.id(), none.id());
        }
    }

    @Test
    void readingUnchangedIdeasAgainChangesNothingInTheTable() {
        vm.selection().setAll(row(cosine), row(warmup));
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        vm.sorted().addListener((javafx.collections.ListChangeListener<IdeaInbox.Row>) change -> changes.incrementAndGet());
        vm.selection().addListener((javafx.collections.ListChangeListener<IdeaInbox.Row>) change -> changes.incrementAndGet());
        vm.refresh();
        assertThat(changes).as("the same rows, the same selection: nothing moves under the researcher").hasValue(0);

        fixture.study.store().ideas().moveTo(higherLr.id(), IdeaStatus.REJECTED);
        vm.refresh();
        assertThat(row(higherLr).idea().status()).isEqualTo(IdeaStatus.REJECTED);
        assertThat(vm.selection()).extracting(row -> row.idea().id()).containsExactlyInAnyOrder(cosine.id(), warmup.id());
    }

    @Test
    void everyColumnOrderSortsByItsValue() {
        fixture.finishedRun(warmup, 0.4);
        fixture.finishedRun(warmup, 0.5);
        fixture.study.store().ideas().moveTo(higherLr.id(), IdeaStatus.REJECTED);
        vm.refresh();
        assertThat(sortedBy(IdeasInboxViewModel.BY_ID)).containsExactly(cosine.id(), higherLr.id(), warmup.id());
        assertThat(sortedBy(IdeasInboxViewModel.BY_TITLE)).containsExactly(cosine.id(), higherLr.id(), warmup.id());
        assertThat(sortedBy(IdeasInboxViewModel.BY_STATUS)).as("proposed before rejected, the life cycle's order;"
                + " newest first within one status").containsExactly(warmup.id(), cosine.id(), higherLr.id());
        assertThat(sortedBy(IdeasInboxViewModel.BY_ORIGIN)).as("catalog, llm-exploit, llm-explore")
                .containsExactly(cosine.id(), warmup.id(), higherLr.id());
        assertThat(sortedBy(IdeasInboxViewModel.BY_RUNS)).containsExactly(higherLr.id(), cosine.id(), warmup.id());
        assertThat(sortedBy(IdeasInboxViewModel.BY_PARENTS).getLast()).isEqualTo(warmup.id());
        assertThat(sortedBy(IdeasInboxViewModel.BY_EPOCH)).as("one epoch: newest first")
                .containsExactly(warmup.id(), higherLr.id(), cosine.id());
    }

    private List<Long> sortedBy(java.util.Comparator<IdeaInbox.Row> order) {
        vm.sorted().setComparator(order);
        return vm.sorted().stream().map(row -> row.idea().id()).toList();
    }

    @Test
    void textAndStatusFiltersNarrowTheRows() {
        vm.filterTextProperty().set("learning rate");
        assertThat(vm.shown()).extracting(row -> row.idea().title()).containsExactly("Higher LR", "Cosine schedule");
        vm.filterTextProperty().set("#" + warmup.id());
        assertThat(vm.shown()).extracting(row -> row.idea().title()).containsExactly("Warmup");
        vm.filterTextProperty().set("");
        vm.statusFilterProperty().set("approved");
        assertThat(vm.shown()).isEmpty();
        vm.statusFilterProperty().set(IdeasInboxViewModel.ALL);
        assertThat(vm.shown()).hasSize(3);
        assertThat(IdeasInboxViewModel.statusChoices()).startsWith("All", "proposed", "approved").contains("unimplementable");
    }

    @Test
    void aMultiSelectionIsApprovedAndAnotherIdeaRejected() {
        vm.approve(List.of(row(cosine), row(higherLr)));
        assertThat(status(cosine)).isEqualTo(IdeaStatus.APPROVED);
        assertThat(status(higherLr)).isEqualTo(IdeaStatus.APPROVED);
        assertThat(status(warmup)).isEqualTo(IdeaStatus.PROPOSED);
        assertThat(vm.messageProperty().get()).startsWith("Approved ideas " + cosine.id() + ", " + higherLr.id());
        assertThat(row(cosine).idea().status()).as("the rows were read again").isEqualTo(IdeaStatus.APPROVED);

        vm.selection().setAll(row(warmup), row(cosine));
        assertThat(vm.canDecideProperty().get()).as("warmup is still proposed").isTrue();
        vm.reject();
        assertThat(status(warmup)).isEqualTo(IdeaStatus.REJECTED);
        assertThat(status(cosine)).as("an approved idea is left alone").isEqualTo(IdeaStatus.APPROVED);
        assertThat(vm.messageProperty().get()).isEqualTo("Rejected idea " + warmup.id() + ".");
        vm.selection().setAll(row(warmup));
        assertThat(vm.canDecideProperty().get()).isFalse();

        vm.selection().setAll(row(cosine));
        assertThat(vm.canDecideProperty().get()).as("an approved idea that ran stays").isFalse();
        vm.selection().setAll(row(higherLr));
        assertThat(vm.canDecideProperty().get()).as("an approved idea that has not run can be withdrawn").isTrue();
        vm.reject();
        assertThat(status(higherLr)).isEqualTo(IdeaStatus.REJECTED);
        assertThat(vm.messageProperty().get()).isEqualTo("Withdrew idea " + higherLr.id() + ".");
    }

    @Test
    void notesAndScoreAreSaved() {
        vm.selectedProperty().set(row(higherLr));
        assertThat(vm.scoreProperty().get()).as("not scored yet").isNull();
        vm.notesProperty().set("  promising, try with warmup ");
        vm.scoreProperty().set(4);
        vm.saveNotes();
        Idea saved = fixture.study.store().ideas().get(higherLr.id());
        assertThat(saved.notes()).isEqualTo("promising, try with warmup");
        assertThat(saved.score()).isEqualTo(4);
        assertThat(vm.messageProperty().get()).isEqualTo("Saved the notes and score 4 of idea " + higherLr.id() + ".");

        vm.selectedProperty().set(row(cosine));
        assertThat(vm.notesProperty().get()).isEmpty();
        vm.selectedProperty().set(row(higherLr));
        assertThat(vm.notesProperty().get()).isEqualTo("promising, try with warmup");
        assertThat(vm.scoreProperty().get()).isEqualTo(4);
    }

    @Test
    void theSeedFormValidatesAsYouType() {
        IdeaSeedForm form = vm.seedForm();
        assertThat(form.titleErrorProperty().get()).isEqualTo("An idea needs a title.");
        assertThat(form.valid().get()).isFalse();
        form.titleProperty().set("Momentum");
        assertThat(form.titleErrorProperty().get()).isEmpty();
        assertThat(form.valid().get()).isTrue();

        form.parentsProperty().set(cosine.id() + ", 99");
        assertThat(form.parentsErrorProperty().get()).isEqualTo("There is no idea 99.");
        form.parentsProperty().set("12, x");
        assertThat(form.parentsErrorProperty().get()).isEqualTo("Parents are idea numbers separated by commas, e.g. 12, 15.");
        assertThat(form.valid().get()).isFalse();
        form.parentsProperty().set(cosine.id() + ", " + higherLr.id());
        assertThat(form.parentsErrorProperty().get()).isEmpty();
        assertThat(form.parentIds()).containsExactly(cosine.id(), higherLr.id());

        form.titleProperty().set("  ");
        vm.seed();
        assertThat(vm.messageProperty().get()).isEqualTo("An idea needs a title.");
        assertThat(fixture.study.store().ideas().all()).hasSize(3);
    }

    @Test
    void aDiffThatDoesNotApplyIsRefusedAndNothingIsStored() {
        IdeaSeedForm form = vm.seedForm();
        form.titleProperty().set("Broken patch");
        form.diffProperty().set("--- a/train.py\n+++ b/train.py\n@@ -1,1 +1,1 @@\n-this line is not in train.py\n+x = 1\n");
        vm.seed();
        assertThat(vm.messageProperty().get()).startsWith("Your patch was not stored because it does not apply: ");
        assertThat(fixture.study.store().ideas().all()).hasSize(3);
        assertThat(fixture.study.store().patches().all()).as("only the patch of the fixture's run").hasSize(1);
        assertThat(form.titleProperty().get()).as("the form is kept to be fixed").isEqualTo("Broken patch");
    }

    @Test
    void aSeedWithAGoodDiffIsStoredApprovedWithItsPatch() throws Exception {
        IdeaSeedForm form = vm.seedForm();
        form.titleProperty().set("Heavy-ball momentum");
        form.textProperty().set("Add momentum 0.9 to SGD.");
        form.parentsProperty().set(String.valueOf(cosine.id()));
        form.diffProperty().set(Files.readString(fixture.study.dir().resolve("ideas/momentum.diff")));
        vm.seed();

        assertThat(vm.messageProperty().get()).startsWith("Seeded idea ");
        Idea seeded = fixture.study.store().ideas().all().getLast();
        assertThat(seeded.title()).isEqualTo("Heavy-ball momentum");
        assertThat(seeded.origin()).isEqualTo(IdeaOrigin.HUMAN);
        assertThat(seeded.parents()).containsExactly(cosine.id());
        assertThat(seeded.status()).isNotIn(IdeaStatus.PROPOSED, IdeaStatus.REJECTED);
        List<Patch> patches = fixture.study.store().patches().forIdea(seeded.id());
        assertThat(patches).singleElement().satisfies(patch -> assertThat(patch.diff()).contains("velocity"));
        assertThat(vm.rows()).hasSize(4);
        assertThat(form.titleProperty().get()).as("the form is emptied").isEmpty();

        vm.selectedProperty().set(row(seeded));
        assertThat(vm.promptProperty().get()).isEqualTo("No prompt: seeded by you.");
    }

    @Test
    void aReadOnlyStudyDecidesNothing() {
        FakeStudy readOnly = new FakeStudy("minimal", fixture.study.dir(), "Another window has it open.",
                Statuses.sample("minimal"));
        IdeasInboxViewModel locked = new IdeasInboxViewModel(new SimpleObjectProperty<>(readOnly), status,
                new SameThreadTaskExecutor(), s -> Optional.of(fixture.inbox));
        locked.refresh();
        assertThat(locked.rows()).hasSize(3);
        locked.selection().setAll(locked.rows());
        assertThat(locked.canDecideProperty().get()).isFalse();
        assertThat(locked.canAnnotateProperty().get()).isFalse();
        assertThat(locked.canSeedProperty().get()).isFalse();
        locked.approve();
        assertThat(status(cosine)).isEqualTo(IdeaStatus.PROPOSED);
    }

    @Test
    void aStudyWithoutAnInboxHasNoRows() {
        study.set(FakeStudy.writable("fake", temp.resolve("fake")));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.available()).isFalse();
        assertThat(vm.canSeedProperty().get()).isFalse();
    }

    private IdeaInbox.Row row(Idea idea) {
        return vm.rows().stream().filter(row -> row.idea().id() == idea.id()).findFirst().orElseThrow();
    }

    private IdeaStatus status(Idea idea) {
        return fixture.study.store().ideas().get(idea.id()).status();
    }
}
