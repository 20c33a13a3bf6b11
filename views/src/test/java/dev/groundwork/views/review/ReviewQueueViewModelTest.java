package dev.groundwork.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.TaskExecutor;
import dev.groundwork.views.fakes.HeldTasks;
import dev.groundwork.views.review.ReviewQueueViewModel.Showing;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Review page's view model on a real minimal study: the queue, the history, attempts compared. */
class ReviewQueueViewModelTest {

    @TempDir
    Path temp;

    private ReviewStudy fixture;
    private final SimpleObjectProperty<Study> study = new SimpleObjectProperty<>();
    private final SimpleStringProperty changed = new SimpleStringProperty();

    @BeforeEach
    void open() throws Exception {
        fixture = new ReviewStudy(temp);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private ReviewQueueViewModel viewModel(TaskExecutor tasks) {
        ReviewQueueViewModel vm = new ReviewQueueViewModel(study, changed, tasks,
                s -> s == fixture.study ? Optional.of(fixture.review) : Optional.empty(), "ada", ZoneOffset.UTC);
        study.set(fixture.study);
        changed.set("opened");
        return vm;
    }

    @Test
    void theOfflineCatalogCannotRegenerateSoThePatchStaysWaitingAndTheSentenceSaysWhatToDo() throws Exception {
        Patch momentum = fixture.waiting("Heavy-ball momentum", "momentum");
        ReviewQueueViewModel vm = viewModel(new SameThreadTaskExecutor());
        vm.commentProperty().set("Use Nesterov momentum instead.");

        vm.regenerate();

        assertThat(vm.messageProperty().get()).startsWith("The offline catalog (agents.implementer) cannot write another"
                + " attempt: edit the patch here (e, then Ctrl+S)");
        assertThat(vm.waiting()).extracting(PatchReview.Item::patchId).containsExactly(momentum.id());
        assertThat(fixture.study.store().patches().get(momentum.id()).status()).isEqualTo(PatchStatus.PREFLIGHT_OK);
        assertThat(vm.commentProperty().get()).as("the comment is kept").isEqualTo("Use Nesterov momentum instead.");
    }

    @Test
    void aRejectedPatchMovesToTheHistoryWithItsReasonAndOpensReadOnly() throws Exception {
        Patch momentum = fixture.waiting("Heavy-ball momentum", "momentum");
        Patch higher = fixture.waiting("Higher learning rate", "higher-lr");
        ReviewQueueViewModel vm = viewModel(new SameThreadTaskExecutor());
        assertThat(vm.waiting()).extracting(PatchReview.Item::patchId).containsExactly(momentum.id(), higher.id());
        assertThat(vm.shownFiles().editableProperty().get()).as("a waiting patch can be edited").isTrue();
        assertThat(vm.canEditProperty().get()).isTrue();

        vm.commentProperty().set("Momentum fights the schedule here.");
        vm.reject();

        assertThat(vm.messageProperty().get()).isEqualTo("Rejected patch " + momentum.id() + " of \"Heavy-ball momentum\".");
        assertThat(vm.waiting()).extracting(PatchReview.Item::patchId).containsExactly(higher.id());
        assertThat(vm.history().decided()).singleElement().satisfies(entry -> {
            assertThat(entry.item().patchId()).isEqualTo(momentum.id());
            assertThat(entry.outcome().reason()).isEqualTo("Momentum fights the schedule here.");
            assertThat(vm.history().headline(entry.outcome())).matches("Rejected by ada on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        });

        vm.toggleShowing();
        assertThat(vm.showingProperty().get()).isEqualTo(Showing.DECIDED);
        assertThat(vm.shownProperty().get().patchId()).as("the newest decision opens").isEqualTo(momentum.id());
        assertThat(vm.files()).extracting(PatchReview.FileChange::path).containsExactly("train.py");
        assertThat(vm.shownFiles().diffProperty().get().after().lines()).contains("MOMENTUM = 0.9");
        assertThat(vm.shownFiles().editableProperty().get()).as("a decided patch is read-only").isFalse();
        assertThat(vm.canDecideProperty().get()).isFalse();
        assertThat(vm.canEditProperty().get()).isFalse();

        vm.toggleShowing();
        assertThat(vm.shownProperty().get().patchId()).isEqualTo(higher.id());
        assertThat(vm.canDecideProperty().get()).isTrue();
    }

    @Test
    void aRejectionAsksForItsReasonAndIsNotMadeWithoutOne() throws Exception {
        Patch momentum = fixture.waiting("Heavy-ball momentum", "momentum");
        ReviewQueueViewModel vm = viewModel(new SameThreadTaskExecutor());

        vm.askRejectReason();
        assertThat(vm.rejectingProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Why reject patch " + momentum.id()
                + "? Write the reason in the comment, then Enter rejects it; Esc cancels.");
        vm.reject();
        assertThat(vm.messageProperty().get()).startsWith("Say why you reject patch " + momentum.id());
        assertThat(fixture.study.store().patches().get(momentum.id()).status()).as("no reason, no rejection")
                .isEqualTo(PatchStatus.PREFLIGHT_OK);

        vm.cancelReject();
        assertThat(vm.rejectingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.waiting()).extracting(PatchReview.Item::patchId).containsExactly(momentum.id());

        vm.askRejectReason();
        vm.commentProperty().set("  Momentum fights the schedule here.  ");
        vm.reject();
        assertThat(vm.rejectingProperty().get()).isFalse();
        assertThat(fixture.study.store().patches().get(momentum.id()).status()).isEqualTo(PatchStatus.REJECTED);
        assertThat(fixture.study.store().patches().get(momentum.id()).decision().comment())
                .isEqualTo("Momentum fights the schedule here.");
        assertThat(vm.commentProperty().get()).isEmpty();
    }

    @Test
    void theShownPatchsIdeaIsShownWithItsSectionsAsParagraphs() throws Exception {
        Patch momentum = fixture.waiting("Heavy-ball momentum", "[Experiment] Momentum smooths the noisy steps."
                + " [Code Changes] train.py: a velocity per weight, MOMENTUM = 0.9. [End]", "momentum");
        Patch higher = fixture.waiting("Higher learning rate", "", "higher-lr");
        ReviewQueueViewModel vm = viewModel(new SameThreadTaskExecutor());

        assertThat(vm.ideaHeadingProperty().get()).isEqualTo("Idea #" + fixture.study.store().patches().get(momentum.id())
                .ideaId() + " · Heavy-ball momentum");
        assertThat(vm.ideaTextProperty().get()).isEqualTo("[Experiment] Momentum smooths the noisy steps.\n\n"
                + "[Code Changes] train.py: a velocity per weight, MOMENTUM = 0.9.");

        vm.selectedProperty().set(vm.waiting().get(1));
        assertThat(vm.shownProperty().get().patchId()).isEqualTo(higher.id());
        assertThat(vm.ideaHeadingProperty().get()).endsWith(" · Higher learning rate");
        assertThat(vm.ideaTextProperty().get()).isEqualTo("This idea has no text: its title is all there is.");
    }

    @Test
    void theHistoryIsShownWhileNothingWaitsAndAPatchTheEngineTurnedDownSaysWhyItHasNoFiles() throws Exception {
        Patch stale = fixture.submit("Broken diff", ReviewStudy.STALE_DIFF);
        ReviewQueueViewModel vm = viewModel(new SameThreadTaskExecutor());
        assertThat(vm.waiting()).isEmpty();
        assertThat(vm.showingProperty().get()).as("nothing waits on opening: the history is shown").isEqualTo(Showing.DECIDED);

        assertThat(vm.history().selectedProperty().get().outcome().status()).isEqualTo(PatchStatus.APPLY_FAILED);
        assertThat(vm.history().headline(vm.history().selectedProperty().get().outcome())).startsWith("Apply failed on ");
        assertThat(vm.history().selectedProperty().get().outcome().reason()).startsWith("Did not apply:");
        assertThat(vm.files()).isEmpty();
        assertThat(vm.shownFiles().placeholderProperty().get())
                .isEqualTo("Patch " + stale.id() + " did not apply, so it has no files to show.");

        fixture.waiting("Heavy-ball momentum", "momentum");
        vm.refresh();
        assertThat(vm.showingProperty().get()).as("a patch to decide brings the queue back").isEqualTo(Showing.WAITING);
        vm.approve();
        assertThat(vm.showingProperty().get()).as("nothing left to decide: the history again").isEqualTo(Showing.DECIDED);
        assertThat(vm.history().selectedProperty().get().outcome().status()).isEqualTo(PatchStatus.APPROVED);

        vm.toggleShowing();
        assertThat(vm.shownFiles().placeholderProperty().get()).startsWith("Nothing waits for review");
        vm.refresh();
        assertThat(vm.showingProperty().get()).as("the reviewer's choice stays").isEqualTo(Showing.WAITING);
    }

    @Test
    void anEditComparedWithTheAttemptItReplacedShowsTheEditedLineOnly() throws Exception {
        Patch original = fixture.waiting("Heavy-ball momentum", "momentum");
        ReviewQueueViewModel vm = viewModel(new SameThreadTaskExecutor());
        vm.compare();
        assertThat(vm.messageProperty().get()).isEqualTo("This idea has one attempt so far: there is no other attempt to compare it with.");
        assertThat(vm.comparingProperty().get()).isFalse();

        String before = vm.selectedFileProperty().get().after();
        String edited = before.replace("MOMENTUM = 0.9", "MOMENTUM = 0.8");
        vm.saveEdit(edited);

        assertThat(vm.messageProperty().get()).contains("passed pre-flight");
        PatchReview.Item edit = vm.selectedProperty().get();
        assertThat(edit.patchId()).isNotEqualTo(original.id());
        assertThat(vm.attempts().attempts()).extracting(ReviewAttemptsViewModel::label)
                .containsExactly("1 · catalog · superseded", "2 · catalog+human · waiting");
        assertThat(vm.attempts().attempts().getFirst().outcome().reason()).isEqualTo("edited in review");
        assertThat(vm.attempts().firstProperty().get().number()).isEqualTo(1);
        assertThat(vm.attempts().secondProperty().get().number()).isEqualTo(2);

        vm.compare();

        assertThat(vm.comparingProperty().get()).isTrue();
        assertThat(vm.shownFiles().captionProperty().get())
                .isEqualTo("Attempt 1 (catalog) on the left, attempt 2 (catalog+human) on the right");
        assertThat(vm.files()).singleElement().satisfies(file -> {
            assertThat(file.before()).isEqualTo(before);
            assertThat(file.after()).isEqualTo(edited);
        });
        assertThat(vm.shownFiles().diffProperty().get().hunkStarts()).as("one changed line").hasSize(1);
        assertThat(vm.shownFiles().diffProperty().get().added()).isEqualTo(1);
        assertThat(vm.canEditProperty().get()).as("two attempts are read, not edited").isFalse();
        assertThat(vm.canDecideProperty().get()).as("the waiting patch can still be decided").isTrue();

        vm.attempts().firstProperty().set(vm.attempts().secondProperty().get());
        assertThat(vm.messageProperty().get()).isEqualTo("Pick two different attempts to compare.");
        assertThat(vm.files()).isEmpty();

        vm.compare();
        assertThat(vm.comparingProperty().get()).isFalse();
        assertThat(vm.shownFiles().captionProperty().get()).isEmpty();
        assertThat(vm.selectedFileProperty().get().after()).isEqualTo(edited);
        assertThat(vm.canEditProperty().get()).isTrue();
    }

    @Test
    void theSideBySideRowsAreAlignedOnTheTaskExecutorWithAPlaceholderMeanwhile() throws Exception {
        fixture.waiting("Heavy-ball momentum", "momentum");
        HeldTasks tasks = new HeldTasks();
        ReviewQueueViewModel vm = viewModel(tasks);
        assertThat(tasks.held()).containsExactly("Reading the review queue");
        tasks.runAll();
        assertThat(vm.shownFiles().diffProperty().get()).isNotNull();

        vm.nextFile(1); // the only file again: nothing to align anew
        vm.selectedFileProperty().set(null);
        vm.selectedFileProperty().set(vm.files().getFirst());

        assertThat(tasks.held()).containsExactly("Aligning train.py");
        assertThat(vm.shownFiles().diffProperty().get()).isNull();
        assertThat(vm.shownFiles().placeholderProperty().get()).isEqualTo("Aligning the lines of train.py…");
        tasks.runAll();
        assertThat(vm.shownFiles().diffProperty().get().path()).isEqualTo("train.py");
        assertThat(vm.shownFiles().placeholderProperty().get()).isEmpty();
    }
}
