package dev.groundwork.app.loop;

import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.dispatch.GpuLeases;
import dev.groundwork.model.dispatch.HostChoice;
import dev.groundwork.model.dispatch.StudyScheduler;
import dev.groundwork.model.execution.HostConfig;
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
import dev.groundwork.runners.llm.LlmAgents;
import dev.groundwork.runners.llm.LlmProvider;
import dev.groundwork.runners.llm.LlmSettings;
import dev.groundwork.runners.llm.ProviderSettings;
import dev.groundwork.runners.llm.StudyDescription;
import dev.groundwork.runners.hosts.HostTargets;
import dev.groundwork.runners.preflight.PythonPreflight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Builds the loop for a study from its spec: code base, agents, run target, pre-flight. Part of the composition root. */
public final class LoopAssembly {

    private final Clock clock;
    private final LlmAgents llm;
    private final Map<String, String> env;
    private final Path settingsFile;
    private final HostTargets hostTargets;
    private final GpuLeases leases;
    private final Supplier<List<HostConfig>> hosts;

    /**
     * @param env          where API keys and base URLs are looked up (the process environment)
     * @param settingsFile the user's settings, whose {@code providers} section overrides the environment
     * @param leases       the GPU leases every study of this process shares
     * @param hosts        the Docker hosts of the user's settings, read when a scheduler is made
     */
    public LoopAssembly(Clock clock, LlmAgents llm, Map<String, String> env, Path settingsFile, HostTargets hostTargets,
                        GpuLeases leases, Supplier<List<HostConfig>> hosts) {
        this.clock = clock;
        this.llm = llm;
        this.env = env;
        this.settingsFile = settingsFile;
        this.hostTargets = hostTargets;
        this.leases = leases;
        this.hosts = hosts;
    }

    /**
     * The study's scheduler over the hosts its target (or {@code choice}) names, with {@code concurrency} runs at once;
     * close it when the study closes. A host that cannot serve the spec (too few GPUs, no Docker host) is refused with a
     * sentence.
     */
    public StudyScheduler scheduler(StudyFolder study, int concurrency, HostSelection choice, Consumer<String> notes) {
        RunSpec run = study.spec().run();
        List<HostConfig> chosen = HostChoice.of(choice.target().orElse(run.target()), hosts.get(), choice.names(),
                HostConfig.local(concurrency));
        List<RunTarget> targets = new ArrayList<>();
        for (HostConfig host : chosen) {
            try {
                targets.add(hostTargets.target(host, run.gpusPerRun()));
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.FAILURE, e.getMessage());
            }
        }
        Set<String> draining = chosen.stream().filter(HostConfig::draining).map(HostConfig::name)
                .collect(Collectors.toSet());
        return new StudyScheduler(study, new BaselineCode(study), targets, draining, concurrency, leases, notes);
    }

    public SearchLoop loop(StudyFolder study, StudyScheduler scheduler, LoopEvents events, AgentChoice agents)
            throws IOException {
        return loop(study, scheduler, events, study.spec().run().seed().orElse(0), agents);
    }

    /** The loop with the offline ideator shuffled by {@code seed} (benchmarks compare seeds). */
    public SearchLoop loop(StudyFolder study, StudyScheduler scheduler, LoopEvents events, long seed, AgentChoice agents)
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
        return new SearchLoop(study, code, ideator, implementer, preflight(), scheduler, events, clock);
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

    private static Preflight preflight() {
        return new PythonPreflight("python3");
    }
}
