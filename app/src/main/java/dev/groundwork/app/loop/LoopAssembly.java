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
import dev.groundwork.model.search.RunDispatcher;
import dev.groundwork.model.search.SearchLoop;
import dev.groundwork.model.search.StudyCode;
import dev.groundwork.model.spec.AgentRef;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.runners.catalog.Catalog;
import dev.groundwork.runners.catalog.CatalogIdeator;
import dev.groundwork.runners.catalog.CatalogImplementer;
import dev.groundwork.runners.catalog.PatchComposer;
import dev.groundwork.runners.llm.LlmAgents;
import dev.groundwork.runners.llm.LlmProvider;
import dev.groundwork.runners.llm.LlmSettings;
import dev.groundwork.runners.llm.ProviderSettings;
import dev.groundwork.runners.llm.StudyDescription;
import dev.groundwork.runners.local.GpuProbe;
import dev.groundwork.runners.local.LocalProcessTarget;
import dev.groundwork.runners.preflight.PythonPreflight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the loop for a study from its spec: code base, agents, run target, pre-flight. Part of the composition root. */
public final class LoopAssembly {

    private final Clock clock;
    private final GpuProbe gpus;
    private final LlmAgents llm;
    private final Map<String, String> env;
    private final Path settingsFile;

    /**
     * @param env          where API keys and base URLs are looked up (the process environment)
     * @param settingsFile the user's settings, whose {@code providers} section overrides the environment
     */
    public LoopAssembly(Clock clock, GpuProbe gpus, LlmAgents llm, Map<String, String> env, Path settingsFile) {
        this.clock = clock;
        this.gpus = gpus;
        this.llm = llm;
        this.env = env;
        this.settingsFile = settingsFile;
    }

    public SearchLoop loop(StudyFolder study, int concurrency, LoopEvents events, AgentChoice agents) throws IOException {
        return loop(study, concurrency, events, study.spec().run().seed().orElse(0), agents);
    }

    /** The loop with the offline ideator shuffled by {@code seed} (benchmarks compare seeds). */
    public SearchLoop loop(StudyFolder study, int concurrency, LoopEvents events, long seed, AgentChoice agents)
            throws IOException {
        StudyCode code = new BaselineCode(study);
        Catalog catalog = Catalog.load(study.dir());
        PatchComposer composer = composer(code);
        String description = StudyDescription.of(study.spec(), readme(study));
        AgentRef implementerRef = agents.implementerOr(study.spec().agents());
        Ideator ideator = ideator(study, code, catalog, seed, agents);
        Implementer implementer = implementerRef.kind() == AgentRef.Kind.CATALOG
                ? new CatalogImplementer(catalog, composer)
                : llm.implementer(llmSettings(implementerRef, "agents.implementer", agents), description,
                        study.store().llmCalls());
        return new SearchLoop(study, code, ideator, implementer, preflight(), target(study.spec().run(), concurrency),
                concurrency, events, clock);
    }

    /**
     * The study's own ideator (the spec's {@code agents.ideator}, the catalog shuffled by the spec's seed as the loop's),
     * for asking for ideas outside the loop; a missing API key is a {@link UserError} that says what to set.
     */
    public Ideator ideator(StudyFolder study) throws IOException {
        return ideator(study, new BaselineCode(study), Catalog.load(study.dir()), study.spec().run().seed().orElse(0),
                AgentChoice.FROM_SPEC);
    }

    private Ideator ideator(StudyFolder study, StudyCode code, Catalog catalog, long seed, AgentChoice agents) {
        AgentRef ref = agents.ideatorOr(study.spec().agents());
        return ref.kind() == AgentRef.Kind.CATALOG
                ? new CatalogIdeator(catalog, composer(code), seed)
                : llm.ideator(llmSettings(ref, "agents.ideator", agents), StudyDescription.of(study.spec(), readme(study)),
                        study.store().llmCalls());
    }

    /**
     * A dispatcher on the study's run target with the spec's concurrency, for runs a person starts from the Runs page
     * while the loop is not running (the window's {@code WindowRunControl} keeps it from sharing slots with a loop).
     */
    public RunDispatcher dispatcher(StudyFolder study) {
        int concurrency = study.spec().search().concurrency();
        return new RunDispatcher(study, new BaselineCode(study), target(study.spec().run(), concurrency), concurrency,
                LoopEvents.NONE);
    }

    /** Settings for one LLM agent: the environment, then the settings file, then the command line's base URL. */
    public LlmSettings llmSettings(AgentRef ref, String roleKey, AgentChoice agents) {
        Map<LlmProvider, ProviderSettings> overrides = new EnumMap<>(LlmProvider.class);
        try {
            overrides.putAll(ProviderSettings.read(settingsFile));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
        agents.baseUrl().ifPresent(url -> {
            LlmProvider provider = LlmProvider.of(ref.kind());
            ProviderSettings current = overrides.getOrDefault(provider, ProviderSettings.NONE);
            overrides.put(provider, new ProviderSettings(Optional.of(url.toString()), current.apiKeyEnv(), current.apiKey(),
                    current.temperature(), current.maxTokens(), current.timeout(), current.thinkingBudget()));
        });
        try {
            return LlmAgents.settings(ref, roleKey, env, overrides);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
    }

    public LlmAgents llm() {
        return llm;
    }

    private static Optional<String> readme(StudyFolder study) {
        Path readme = study.baseline().dir().resolve("README.md");
        try {
            return Files.isRegularFile(readme) ? Optional.of(Files.readString(readme)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The offline catalog implementer when it is the spec's implementer (it can say which seeded ideas it could never
     * implement); empty for an LLM, which can try any idea.
     */
    public Optional<Implementer> offlineImplementer(StudyFolder study) throws IOException {
        if (study.spec().agents().implementer().kind() != AgentRef.Kind.CATALOG) {
            return Optional.empty();
        }
        return Optional.of(new CatalogImplementer(Catalog.load(study.dir()), composer(new BaselineCode(study))));
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
