package dev.groundwork.model.patch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.groundwork.model.spec.BaselineSpec;
import dev.groundwork.model.spec.Glob;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathRulesTest {

    private final PathRules rules = PathRules.of(new BaselineSpec(Path.of("baseline"),
            List.of(Glob.of("train.py"), Glob.of("src/**/*.py")), List.of(Glob.of("src/evaluate.py"))));

    @Test
    void editableFilesPass() {
        assertThatCode(() -> rules.check(DiffParser.parse(diff("train.py") + diff("src/nets/mlp.py"))))
                .doesNotThrowAnyException();
    }

    @Test
    void everyForbiddenPathIsNamedWithWhatToDoInstead() throws Exception {
        ParsedPatch patch = DiffParser.parse(diff("/etc/passwd") + diff("../secrets.py") + diff("src\\x.py")
                + diff(".git/config") + diff("src/evaluate.py") + diff("data/train.csv") + diff("src//x.py"));

        PatchRejectedException rejected = org.assertj.core.api.Assertions.catchThrowableOfType(PatchRejectedException.class,
                () -> rules.check(patch));

        assertThat(rejected.problems()).containsExactly(
                "'/etc/passwd' is an absolute path; name files relative to the baseline folder, e.g. 'train.py'.",
                "'../secrets.py' leaves the baseline folder ('..'); name files inside it, relative to the baseline folder.",
                "'src\\x.py' contains '\\'; separate folders with '/'.",
                "'.git/config' is inside .git, which is not part of the baseline.",
                "'src/evaluate.py' is protected: patches may not change it. Leave it out of the diff.",
                "'data/train.csv' is not editable: patches may change only files matching train.py, src/**/*.py.",
                "'src//x.py' is not a file path; name files like 'train.py' or 'src/model.py'.");
    }

    @Test
    void theEngineRejectsADiffThatBreaksTheRules() {
        PatchEngine engine = new PatchEngine(rules, ApplyOptions.DEFAULT);

        ApplyOutcome outcome = engine.apply(diff("src/evaluate.py"), BaseTree.of(java.util.Map.of()));

        assertThat(outcome.report().verdict()).isEqualTo(ApplyReport.Verdict.REJECTED);
        assertThat(outcome.report().problems()).containsExactly(
                "'src/evaluate.py' is protected: patches may not change it. Leave it out of the diff.");
    }

    private static String diff(String path) {
        return "--- " + path + "\n+++ " + path + "\n@@ -1 +1 @@\n-a\n+b\n";
    }
}
