package dev.groundwork.model.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.spec.GatesSpec.Gate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editing groundwork.yaml in place: each test states the whole expected text, so a character changed outside the
 * edited values (a comment, a space, a line ending) fails it.
 */
class SpecEditorTest {

    /** A spec written by hand: block and flow sections, comments everywhere, quotes, an emoji, a folded description. */
    private static final String COMMENTED = """
            # The charlm study, tuned by hand 🧪 (keep these notes)
            name: charlm
            description: >
              A character-level language model.
              Two lines of it.
            baseline:
              path: baseline        # the code under research
              editable: ["train.py", "model.py"]
              protected: ["evaluate.py"]
            run:
              command: ["python3", "train.py"]
              timeout: 3m
            reward: { metric: val_loss, goal: minimize }   # bits per character

            search:
              epochs: 3             # three generations is enough on a laptop
              ideas_per_epoch: 4
              # concurrency: 4      (too many for two cores)
            gates: { idea: auto, patch: manual }  # launch stays auto
            budget:
              llm_usd: "5"   # dollars
            # end of spec
            """;

    @TempDir
    Path dir;

    private StudyFixture study;

    @BeforeEach
    void createStudy() {
        study = new StudyFixture(dir);
    }

    @Test
    void theDemoTemplateKeepsEveryOtherCharacter() throws Exception {
        String template = charlmTemplate();

        String edited = SpecEditor.edit(template, List.of(
                SpecEdit.set("gates.idea", "manual"),
                SpecEdit.set("search.epochs", "12"),
                SpecEdit.set("budget.llm_usd", "7.5"),
                SpecEdit.set("budget.gpu_hours", "2")));

        assertThat(edited).isEqualTo(template
                .replace("gates: { idea: auto, patch: manual, launch: auto }",
                        "gates: { idea: manual, patch: manual, launch: auto }")
                .replace("search: { epochs: 3, ideas_per_epoch: 4,", "search: { epochs: 12, ideas_per_epoch: 4,")
                .replace("budget: { llm_usd: 5 }", "budget: { llm_usd: 7.5, gpu_hours: 2 }"));
        assertThat(edited).isNotEqualTo(template);
        StudySpec spec = study.load(edited);
        assertThat(spec.gates()).isEqualTo(new GatesSpec(Gate.MANUAL, Gate.MANUAL, Gate.AUTO));
        assertThat(spec.search().epochs()).isEqualTo(12);
        assertThat(spec.budget()).isEqualTo(new BudgetSpec(OptionalDouble.of(7.5), OptionalDouble.of(2)));
    }

    @Test
    void valuesChangeInBlockAndFlowSectionsAndCommentsStayByteForByte() throws Exception {
        String edited = SpecEditor.edit(COMMENTED, List.of(
                SpecEdit.set("search.epochs", "10"),
                SpecEdit.set("gates.patch", "auto"),
                SpecEdit.set("budget.llm_usd", "20")));

        assertThat(edited).isEqualTo(COMMENTED
                .replace("  epochs: 3             # three", "  epochs: 10             # three")
                .replace("gates: { idea: auto, patch: manual }", "gates: { idea: auto, patch: auto }")
                .replace("  llm_usd: \"5\"   # dollars", "  llm_usd: 20   # dollars"));
        assertThat(study.load(edited).budget().llmUsd()).hasValue(20);
    }

    @Test
    void aMissingKeyJoinsItsSiblingsInTheSectionsOwnStyle() throws Exception {
        String edited = SpecEditor.edit(COMMENTED, List.of(
                SpecEdit.set("search.concurrency", "1"),
                SpecEdit.set("gates.launch", "manual"),
                SpecEdit.set("budget.gpu_hours", "0.5")));

        assertThat(edited).isEqualTo(COMMENTED
                .replace("  ideas_per_epoch: 4\n", "  ideas_per_epoch: 4\n  concurrency: 1\n")
                .replace("patch: manual }  # launch", "patch: manual, launch: manual }  # launch")
                .replace("  llm_usd: \"5\"   # dollars\n", "  llm_usd: \"5\"   # dollars\n  gpu_hours: 0.5\n"));
        StudySpec spec = study.load(edited);
        assertThat(spec.search().concurrency()).isEqualTo(1);
        assertThat(spec.gates().launch()).isEqualTo(Gate.MANUAL);
        assertThat(spec.budget().gpuHours()).hasValue(0.5);
    }

    @Test
    void aMissingSectionIsAddedAsOneLineAfterTheLastKey() throws Exception {
        String minimal = """
                name: tiny
                run: { command: ["python3", "train.py"] }  # no search, gates or budget
                reward: { metric: loss }
                """;

        String edited = SpecEditor.edit(minimal, List.of(
                SpecEdit.set("budget.llm_usd", "3"),
                SpecEdit.set("budget.gpu_hours", "1"),
                SpecEdit.set("gates.idea", "manual")));

        assertThat(edited).isEqualTo(minimal
                + "budget: { llm_usd: 3, gpu_hours: 1 }\n"
                + "gates: { idea: manual }\n");
        assertThat(study.load(edited).budget()).isEqualTo(new BudgetSpec(OptionalDouble.of(3), OptionalDouble.of(1)));
    }

    @Test
    void aSectionWrittenWithoutAValueGetsOne() throws Exception {
        String empty = "name: tiny\nrun: { command: [python3, train.py] }\nreward: { metric: loss }\nbudget:\ngates: ~\n";

        String edited = SpecEditor.edit(empty, List.of(SpecEdit.set("budget.gpu_hours", "4"),
                SpecEdit.set("gates.patch", "auto")));

        assertThat(edited).isEqualTo("name: tiny\nrun: { command: [python3, train.py] }\nreward: { metric: loss }\n"
                + "budget: { gpu_hours: 4 }\ngates: { patch: auto }\n");
        assertThat(study.load(edited).gates().patch()).isEqualTo(Gate.AUTO);
    }

    @Test
    void removingAKeyTakesItsCommaOrItsLines() throws Exception {
        String flow = "name: t\nrun: { command: [x] }\nreward: { metric: m }\n"
                + "budget: { llm_usd: 5, gpu_hours: 8 }  # limits\n";

        assertThat(SpecEditor.edit(flow, List.of(SpecEdit.remove("budget.gpu_hours"))))
                .isEqualTo(flow.replace("{ llm_usd: 5, gpu_hours: 8 }", "{ llm_usd: 5 }"));
        assertThat(SpecEditor.edit(flow, List.of(SpecEdit.remove("budget.llm_usd"))))
                .isEqualTo(flow.replace("{ llm_usd: 5, gpu_hours: 8 }", "{ gpu_hours: 8 }"));
        String none = SpecEditor.edit(flow, List.of(SpecEdit.remove("budget.llm_usd"), SpecEdit.remove("budget.gpu_hours")));
        assertThat(none).isEqualTo(flow.replace("{ llm_usd: 5, gpu_hours: 8 }", "{}"));
        assertThat(study.load(none).budget()).isEqualTo(BudgetSpec.UNLIMITED);

        String block = SpecEditor.edit(COMMENTED, List.of(SpecEdit.remove("budget.llm_usd")));
        assertThat(block).isEqualTo(COMMENTED.replace("  llm_usd: \"5\"   # dollars\n", ""));
        assertThat(study.load(block).budget()).isEqualTo(BudgetSpec.UNLIMITED);

        assertThat(SpecEditor.edit(COMMENTED, List.of(SpecEdit.remove("budget.gpu_hours"))))
                .as("removing what is not there changes nothing").isEqualTo(COMMENTED);
    }

    @Test
    void windowsLineEndingsStayWindowsLineEndings() throws Exception {
        String crlf = COMMENTED.replace("\n", "\r\n");

        String edited = SpecEditor.edit(crlf, List.of(SpecEdit.set("search.top_k", "50"),
                SpecEdit.set("budget.gpu_hours", "3")));

        assertThat(edited).isEqualTo(crlf
                .replace("  ideas_per_epoch: 4\r\n", "  ideas_per_epoch: 4\r\n  top_k: 50\r\n")
                .replace("# dollars\r\n", "# dollars\r\n  gpu_hours: 3\r\n"));
        assertThat(study.load(edited).search().topK()).isEqualTo(50);
    }

    @Test
    void aKeyAfterAFoldedDescriptionLandsAfterItsLastLine() throws Exception {
        String spec = "run: { command: [x] }\nreward: { metric: m }\nname: t\ndescription: >\n  one\n  two\n\n";

        String edited = SpecEditor.edit(spec, List.of(SpecEdit.set("gates.idea", "manual")));

        assertThat(edited).isEqualTo(spec + "gates: { idea: manual }\n");
        assertThat(study.load(edited).description()).isEqualTo("one two\n");
    }

    @Test
    void aValueThatIsNotAPlainWordIsQuoted() {
        assertThat(SpecEditText.scalar("manual")).isEqualTo("manual");
        assertThat(SpecEditText.scalar("2.5")).isEqualTo("2.5");
        assertThat(SpecEditText.scalar("a: b # c")).isEqualTo("\"a: b # c\"");
        assertThat(SpecEditText.scalar("say \"hi\"\\")).isEqualTo("\"say \\\"hi\\\"\\\\\"");
    }

    @Test
    void aPathThroughAValueIsRefusedWithASentence() {
        assertThatThrownBy(() -> SpecEditor.edit("name: t\ngates: auto\n", List.of(SpecEdit.set("gates.idea", "manual"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gates holds a value, not keys, so gates.idea cannot be set; fix groundwork.yaml first.");
        assertThatThrownBy(() -> SpecEdit.set("Gates idea", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saveWritesTheEditedFileKeepingItsPermissionsAndReturnsTheNewSpec() throws Exception {
        study.write(SpecLoader.FILE_NAME, COMMENTED);
        Path file = dir.resolve(SpecLoader.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        StudySpec spec = SpecEditor.save(dir, List.of(SpecEdit.set("gates.idea", "manual")));

        assertThat(spec.gates().idea()).isEqualTo(Gate.MANUAL);
        assertThat(Files.readString(file)).isEqualTo(COMMENTED.replace("{ idea: auto,", "{ idea: manual,"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).as("no temp file is left")
                    .containsExactlyInAnyOrder("groundwork.yaml", "baseline");
        }
    }

    @Test
    void anEditTheLoaderRefusesLeavesTheFileAsItWas() throws Exception {
        study.write(SpecLoader.FILE_NAME, COMMENTED);
        byte[] before = Files.readAllBytes(dir.resolve(SpecLoader.FILE_NAME));

        assertThatThrownBy(() -> SpecEditor.save(dir, List.of(SpecEdit.set("search.epochs", "10"),
                SpecEdit.set("search.ideas_per_epoch", "0"))))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("groundwork.yaml:17:20: search.ideas_per_epoch: ");
        assertThatThrownBy(() -> SpecEditor.save(dir, List.of(SpecEdit.set("gates.idea", "sometimes"))))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("gates.idea");

        assertThat(Files.readAllBytes(dir.resolve(SpecLoader.FILE_NAME))).isEqualTo(before);
    }

    @Test
    void aFileBrokenOutsideGroundworkIsNotEdited() throws Exception {
        String broken = COMMENTED.replace("timeout: 3m", "timeout: 3 minutes");
        study.write(SpecLoader.FILE_NAME, broken);

        assertThatThrownBy(() -> SpecEditor.save(dir, List.of(SpecEdit.set("gates.idea", "manual"))))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("run.timeout");
        assertThat(Files.readString(dir.resolve(SpecLoader.FILE_NAME))).isEqualTo(broken);
    }

    private static String charlmTemplate() throws IOException {
        try (InputStream in = SpecEditorTest.class.getClassLoader()
                .getResourceAsStream("groundwork/environments/charlm/groundwork.yaml")) {
            assertThat(in).as("the charlm template on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
