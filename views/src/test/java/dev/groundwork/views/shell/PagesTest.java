package dev.groundwork.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.StatusPageViewModel;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.FakeStudy;
import dev.groundwork.views.fakes.Statuses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each page states the study's real numbers for its topic. */
class PagesTest {

    private final FakeStudy study = FakeStudy.writable("charlm-demo", Path.of("/studies/charlm"));
    private final FakeStudies studies = new FakeStudies().with(study);
    private final MainViewModel vm = new MainViewModel(studies, new SameThreadTaskExecutor(), Theme.LIGHT);

    @Test
    void ideasCountsIdeasByStatus() {
        vm.openStudy(study.dir());

        assertThat(vm.ideas().page().facts()).containsExactly(
                new Fact("Ideas", "12", "3\u00a0proposed\u00a0· 9\u00a0implemented"),
                new Fact("Epoch", "2", "the search's current generation"));
    }

    @Test
    void reviewCountsPatchesThatPassedPreflight() {
        vm.openStudy(study.dir());

        assertThat(vm.review().page().facts()).containsExactly(
                new Fact("Awaiting review", "2", "patches passed pre-flight and wait for a decision"),
                new Fact("Patches", "11", "1\u00a0apply-failed\u00a0· 2\u00a0preflight-ok\u00a0· 7\u00a0approved\u00a0· 1\u00a0rejected"));
    }

    @Test
    void runsCountsRunsAndGpuHours() {
        vm.openStudy(study.dir());

        assertThat(vm.runs().page().facts()).containsExactly(
                new Fact("Runs", "9", "1\u00a0running\u00a0· 7\u00a0succeeded\u00a0· 1\u00a0failed"),
                new Fact("GPU hours", "2.42", "used by this study's runs"));
    }

    @Test
    void analyticsShowsBaselineAndBestIdea() {
        vm.openStudy(study.dir());

        assertThat(vm.analytics().page().facts()).containsExactly(
                new Fact("Baseline reward", "1.4832", "of the unmodified code"),
                new Fact("Best idea", "1.3022", "#7 Rotary position embeddings\u00a0· run\u00a031"),
                new Fact("LLM spend", "$0.4213", "on ideas and patches"));
    }

    @Test
    void aFreshStudySaysNothingHasBeenScored() {
        study.setStatus(Statuses.empty("charlm-demo"));
        vm.openStudy(study.dir());

        assertThat(vm.analytics().page().facts()).extracting(Fact::detail).containsExactly(
                "the baseline has not been scored yet", "no idea has been scored yet", "on ideas and patches");
        assertThat(vm.ideas().page().facts().getFirst()).isEqualTo(new Fact("Ideas", "0", "none yet"));
    }

    @Test
    void lineageCountsIdeas() {
        vm.openStudy(study.dir());

        assertThat(vm.lineage().page().facts()).containsExactly(
                new Fact("Ideas", "12", "each a node of the tree"),
                new Fact("Epoch", "2", "the tree's newest layer"));
    }

    @Test
    void settingsShowsTheFolderAndWhetherItCanBeChanged() {
        FakeStudy held = new FakeStudy("held", Path.of("/studies/held"), "Another Groundwork has it open.", Statuses.sample("held"));
        studies.with(held);

        vm.openStudy(study.dir());
        assertThat(vm.settings().page().facts()).contains(new Fact("Access", "Writable", "this window holds the study's lock"));
        vm.openStudy(held.dir());

        assertThat(vm.settings().page().facts()).containsExactly(
                new Fact("Study", "held", ""),
                new Fact("Study folder", Path.of("/studies/held").toString(), ""),
                new Fact("Access", "Read-only", "Another Groundwork has it open."));
    }

    @Test
    void everyPageHasATitleAndADescription() {
        for (StatusPageViewModel page : new StatusPageViewModel[] {vm.ideas().page(), vm.review().page(), vm.runs().page(),
                vm.analytics().page(), vm.lineage().page(), vm.settings().page()}) {
            assertThat(page.title()).isNotBlank();
            assertThat(page.description()).endsWith(".");
            assertThat(page.facts()).isEmpty();
        }
    }
}
