package dev.groundwork.views.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generating and breeding from the Ideas page's view model, on a real minimal study, work done on the calling thread. */
class IdeaGenerationViewModelTest {

    @TempDir
    Path temp;

    private IdeasStudy fixture;
    private final SimpleObjectProperty<Study> study = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<StudyStatus> status = new SimpleObjectProperty<>();
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private IdeasInboxViewModel inbox;
    private IdeaGenerationViewModel vm;
    private Idea cosine;
    private Idea momentum;
    private Idea unrun;

    @BeforeEach
    void open() throws Exception {
        fixture = new IdeasStudy(temp);
        cosine = fixture.propose(IdeaOrigin.CATALOG, "Cosine schedule", "Decay along a cosine.", List.of());
        momentum = fixture.propose(IdeaOrigin.CATALOG, "Momentum", "Heavy ball.", List.of());
        unrun = fixture.propose(IdeaOrigin.CATALOG, "Quintic features", "More features.", List.of());
        fixture.finishedRun(cosine, 0.31);
        fixture.finishedRun(momentum, 0.27);
        inbox = new IdeasInboxViewModel(study, status, tasks,
                s -> s == fixture.study ? Optional.of(fixture.inbox) : Optional.empty());
        vm = inbox.generation();
        study.set(fixture.study);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void generatingThreeExploreIdeasStoresThemAndListsThem() {
        vm.prepare();
        assertThat(vm.ideatorTextProperty().get()).isEqualTo("list ideator");
        assertThat(vm.destinationTextProperty().get()).isEqualTo("New ideas go to epoch 0; the study's idea gate is"
                + " auto, so they are approved as they arrive.");
        assertThat(vm.canGenerateProperty().get()).isTrue();

        vm.generateCount().textProperty().set("3");
        vm.generate();

        assertThat(inbox.rows()).hasSize(6);
        assertThat(inbox.rows().subList(0, 3)).extracting(row -> row.idea().title())
                .containsExactly("Weight decay", "Label smoothing", "Gradient clipping");
        assertThat(inbox.rows().subList(0, 3)).allSatisfy(row -> {
            assertThat(row.idea().status()).isEqualTo(IdeaStatus.APPROVED);
            assertThat(row.idea().origin()).isEqualTo(IdeaOrigin.CATALOG);
        });
        assertThat(inbox.messageProperty().get()).startsWith("Stored 3 new ideas from list ideator in epoch 0 (#");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.taskProperty().get()).isNull();
        assertThat(tasks.tasks()).isEmpty();
        assertThat(fixture.ideator.requests).singleElement()
                .satisfies(request -> assertThat(request.mode()).isEqualTo(IdeationRequest.Mode.EXPLORE));
    }

    @Test
    void theCountIsCheckedAsItIsTyped() {
        IdeaCount count = vm.generateCount();
        count.textProperty().set("0");
        assertThat(count.errorProperty().get()).isEqualTo("Ask for 1 to 50 ideas at a time.");
        count.textProperty().set("51");
        assertThat(count.valid().get()).isFalse();
        count.textProperty().set("three");
        assertThat(count.errorProperty().get()).isEqualTo("How many is a whole number, 1 to 50.");
        count.textProperty().set(" ");
        assertThat(count.errorProperty().get()).isEqualTo("Say how many ideas: 1 to 50.");

        vm.generate();
        assertThat(inbox.messageProperty().get()).isEqualTo("Say how many ideas: 1 to 50.");
        assertThat(fixture.ideator.requests).isEmpty();

        count.textProperty().set(" 50 ");
        assertThat(count.valid().get()).isTrue();
        assertThat(count.value()).isEqualTo(50);
    }

    @Test
    void aCancelFromTheStatusBarKeepsTheIdeasStoredBeforeIt() {
        fixture.ideator.beforeEachCall = (index, request) -> {
            if (index == 1) {
                tasks.tasks().getFirst().cancel(); // the researcher presses × while the second batch is asked for
            }
        };
        vm.generateCount().textProperty().set("12");
        vm.generate();

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(inbox.messageProperty().get()).isEqualTo("Cancelled; the ideas stored before the cancel stay in"
                + " the table.");
        assertThat(fixture.study.store().ideas().all()).hasSize(3 + 5);
        assertThat(inbox.rows()).hasSize(3 + 5);
        assertThat(fixture.ideator.requests).hasSize(2);
        assertThat(tasks.tasks()).isEmpty();
        assertThat(vm.canGenerateProperty().get()).as("another request may start").isTrue();
    }

    @Test
    void exploitIsOfferedOnlyWhenAnIdeaBeatTheBaseline() {
        vm.prepare();
        assertThat(vm.exploitPossibleProperty().get()).as("the study has no baseline run yet").isFalse();
        assertThat(vm.exploitTextProperty().get()).startsWith("Exploit: nothing has beaten the baseline yet");
        assertThat(IdeaGenerationViewModel.exploitText(new IdeaInbox.Ideation("x", 2, 10, 3, false)))
                .isEqualTo("Exploit: combine and refine the 3 ideas that beat the baseline.");
        assertThat(IdeaGenerationViewModel.destinationText(new IdeaInbox.Ideation("x", 2, 10, 3, false)))
                .isEqualTo("New ideas go to epoch 2 and wait at the idea gate for your approval.");
        assertThat(IdeaGenerationViewModel.destinationText(new IdeaInbox.Ideation("x", 3, 3, 0, true)))
                .as("after the last epoch the loop still runs approved work").isEqualTo("New ideas go to epoch 3; the"
                        + " study's idea gate is auto, so they are approved as they arrive. The loop has run all 3 epochs"
                        + " of search.epochs: its next run implements and runs the approved ones without proposing more"
                        + " (raise search.epochs in Settings to search further).");

        vm.modeProperty().set(IdeationRequest.Mode.EXPLOIT);
        vm.generate();
        assertThat(inbox.messageProperty().get()).startsWith("No idea has beaten the baseline yet");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void breedingTheChosenIdeasRecordsThemAsParents() {
        inbox.selection().setAll(row(cosine), row(momentum));
        assertThat(vm.canBreedProperty().get()).isTrue();
        assertThat(vm.breedProblemProperty().get()).isEmpty();
        assertThat(vm.parentsTextProperty().get()).isEqualTo("#" + cosine.id() + "  Cosine schedule  ·  reward 0.3100\n#"
                + momentum.id() + "  Momentum  ·  reward 0.2700");

        vm.breedCount().textProperty().set("2");
        vm.breed();

        IdeationRequest request = fixture.ideator.requests.getFirst();
        assertThat(request.mode()).isEqualTo(IdeationRequest.Mode.EXPLOIT);
        assertThat(request.exemplars()).extracting(IdeationRequest.ScoredIdea::id)
                .as("minimal minimizes: best first").containsExactly(momentum.id(), cosine.id());
        Idea child = fixture.study.store().ideas().all().getLast();
        assertThat(child.title()).isEqualTo("Momentum + Cosine schedule");
        assertThat(child.parents()).containsExactlyInAnyOrder(cosine.id(), momentum.id());
        assertThat(inbox.rows().getFirst().idea().id()).isEqualTo(child.id());
        assertThat(IdeasInboxViewModel.parents(inbox.rows().getFirst())).contains(String.valueOf(cosine.id()),
                String.valueOf(momentum.id()));
        assertThat(inbox.messageProperty().get()).startsWith("List ideator had only 1 new idea of the 2 asked for");
    }

    @Test
    void anIdeaWithoutARewardCannotBeAParent() {
        inbox.selection().setAll(row(cosine), row(unrun));
        assertThat(vm.breedProblemProperty().get()).isEqualTo("Idea " + unrun.id() + " \"Quintic features\" has no"
                + " reward yet: breed from ideas whose runs have finished.");
        vm.breed();
        assertThat(inbox.messageProperty().get()).isEqualTo(vm.breedProblemProperty().get());
        assertThat(fixture.ideator.requests).isEmpty();

        inbox.selection().clear();
        inbox.selectedProperty().set(null);
        assertThat(vm.canBreedProperty().get()).isFalse();
        assertThat(vm.breedProblemProperty().get()).startsWith("Choose the ideas to breed from in the table first");
    }

    @Test
    void anIdeatorFailureIsASentenceAndNothingRuns() {
        fixture.ideator.beforeEachCall = (index, request) -> {
            throw new AgentException("openai:gpt-test refused: the key is wrong; set OPENAI_API_KEY in Settings.");
        };
        vm.generate();
        assertThat(inbox.messageProperty().get()).isEqualTo("The ideator gave no ideas: openai:gpt-test refused: the"
                + " key is wrong; set OPENAI_API_KEY in Settings.");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(fixture.study.store().ideas().all()).hasSize(3);
    }

    @Test
    void withoutAnIdeatorOrOnAReadOnlyStudyNothingIsOffered() {
        IdeaInbox plain = new IdeaInbox(fixture.study, fixture.patches);
        IdeasInboxViewModel without = new IdeasInboxViewModel(study, status, tasks, s -> Optional.of(plain));
        assertThat(without.generation().canGenerateProperty().get()).isFalse();
        without.generation().generate();
        assertThat(fixture.ideator.requests).isEmpty();

        study.set(null);
        assertThat(vm.canGenerateProperty().get()).isFalse();
    }

    @Test
    void theKeysScoreAndMove() {
        inbox.selectedProperty().set(row(momentum));
        inbox.score(4);
        assertThat(fixture.study.store().ideas().get(momentum.id()).score()).isEqualTo(4);
        inbox.score(9);
        assertThat(fixture.study.store().ideas().get(momentum.id()).score()).isEqualTo(4);

        inbox.move(1);
        assertThat(inbox.selectedProperty().get().idea().id()).isEqualTo(cosine.id());
        inbox.move(1);
        assertThat(inbox.selectedProperty().get().idea().id()).as("stays on the last").isEqualTo(cosine.id());
        inbox.move(-2);
        assertThat(inbox.selectedProperty().get().idea().id()).isEqualTo(unrun.id());
    }

    private IdeaInbox.Row row(Idea idea) {
        return inbox.rows().stream().filter(row -> row.idea().id() == idea.id()).findFirst().orElseThrow();
    }
}
