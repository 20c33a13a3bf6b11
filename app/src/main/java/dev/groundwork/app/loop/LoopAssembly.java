package dev.groundwork.app.loop;

import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.Implementer;
import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.search.BaselineCode;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.SearchLoop;
import dev.groundwork.model.search.StudyCode;
import dev.groundwork.model.spec.AgentRef;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.runners.catalog.Catalog;
import dev.groundwork.runners.catalog.CatalogIdeator;
import dev.groundwork.runners.catalog.CatalogImplementer;
import dev.groundwork.runners.catalog.PatchComposer;
import dev.groundwork.runners.local.GpuProbe;
import dev.groundwork.runners.local.LocalProcessTarget;
import dev.groundwork.runners.preflight.PythonPreflight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/** Builds the loop for a study from its spec: code base, agents, run target, pre-flight. Part of the composition root. */
public final class LoopAssembly {

    private final Clock clock;
    private final GpuProbe gpus;

    public LoopAssembly(Clock clock, GpuProbe gpus) {
        this.clock = clock;
        this.gpus = gpus;
    }

    public SearchLoop loop(StudyFolder study, int concurrency, LoopEvents events) throws IOException {
        return loop(study, concurrency, events, study.spec().run().seed().orElse(0));
    }

    /** The loop with the offline ideator shuffled by {@code seed} (benchmarks compare seeds). */
    public SearchLoop loop(StudyFolder study, int concurrency, LoopEvents events, long seed) throws IOException {
        StudyCode code = new BaselineCode(study);
        Catalog catalog = Catalog.load(study.dir());
        PatchComposer composer = composer(code);
        return new SearchLoop(study, code, ideator(study.spec().agents().ideator(), catalog, composer, seed),
                implementer(study.spec().agents().implementer(), catalog, composer), preflight(),
                target(study.spec().run(), concurrency), concurrency, events, clock);
    }

    public HumanPatches humanPatches(StudyFolder study) {
        return new HumanPatches(study, new BaselineCode(study), preflight(), LoopEvents.NONE);
    }

    private static PatchComposer composer(StudyCode code) {
        return diffs -> {
            try {
                return code.compose(diffs, code.mainCommit());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static Ideator ideator(AgentRef ref, Catalog catalog, PatchComposer composer, long seed) {
        if (ref.kind() != AgentRef.Kind.CATALOG) {
            throw notYet("agents.ideator", ref);
        }
        return new CatalogIdeator(catalog, composer, seed);
    }

    private static Implementer implementer(AgentRef ref, Catalog catalog, PatchComposer composer) {
        if (ref.kind() != AgentRef.Kind.CATALOG) {
            throw notYet("agents.implementer", ref);
        }
        return new CatalogImplementer(catalog, composer);
    }

    private static UserError notYet(String key, AgentRef ref) {
        return new UserError(ExitCodes.USAGE, key + " is " + ref + ", but LLM agents are not built into this Groundwork"
                + " yet; set " + key + ": catalog to use the study's offline idea catalog.");
    }

    private RunTarget target(RunSpec run, int concurrency) {
        if (run.target() == RunSpec.Target.DOCKER) {
            throw new UserError(ExitCodes.USAGE, "run.target is docker, but the Docker target is not built into this"
                    + " Groundwork yet; set run.target: local to run as local processes.");
        }
        if (run.gpusPerRun() == 0) {
            return LocalProcessTarget.cpu("local", concurrency);
        }
        List<Integer> ids = gpus.gpuIds();
        if (ids.size() < run.gpusPerRun()) {
            throw new UserError(ExitCodes.FAILURE, "run.gpus_per_run is " + run.gpusPerRun() + " but this machine shows "
                    + ids.size() + " GPU" + (ids.size() == 1 ? "" : "s") + " (nvidia-smi); set run.gpus_per_run: 0 to run"
                    + " on the CPU.");
        }
        return LocalProcessTarget.gpus("local", ids, run.gpusPerRun());
    }

    private static Preflight preflight() {
        return new PythonPreflight("python3");
    }
}
