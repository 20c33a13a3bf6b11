package dev.groundwork.runners.llm;

import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.Implementer;
import dev.groundwork.model.llm.LlmCallLog;
import dev.groundwork.model.spec.AgentRef;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the composition root gets LLM agents. Make one per application (it holds the HTTP connection pool, the prompt
 * templates and the prices), then for each study:
 * <pre>{@code
 * LlmAgents agents = LlmAgents.create(Optional.of(promptDir), Optional.of(pricingFile));
 * Map<LlmProvider, ProviderSettings> fromFile = ProviderSettings.read(settingsJson);
 * LlmSettings settings = LlmAgents.settings(spec.agents().ideator(), "agents.ideator", System.getenv(), fromFile);
 * String study = StudyDescription.of(spec, readme);
 * Ideator ideator = agents.ideator(settings, study, store.llmCalls());
 * }</pre>
 */
public final class LlmAgents {

    private final LlmClients clients;
    private final PromptTemplates prompts;
    private final Pricing pricing;

    public LlmAgents(LlmClients clients, PromptTemplates prompts, Pricing pricing) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.pricing = Objects.requireNonNull(pricing, "pricing");
    }

    /**
     * The bundled prompt templates and prices, each overridable by the user's own, real HTTP and the default retries.
     *
     * @param promptDir   a folder whose {@code ideator-explore.md}, {@code ideator-exploit.md}, {@code implementer.md}
     *                    replace the bundled ones
     * @param pricingFile a YAML file in the shape of the bundled {@code pricing.yaml}, whose entries replace its own
     * @throws IllegalArgumentException a user's template or pricing file is malformed (a sentence)
     */
    public static LlmAgents create(Optional<Path> promptDir, Optional<Path> pricingFile) {
        return new LlmAgents(new LlmClients(), PromptTemplates.load(promptDir), Pricing.load(pricingFile));
    }

    /**
     * The settings for the agent a spec key names: see {@link LlmSettings#resolve}.
     *
     * @throws IllegalArgumentException e.g. "agents.ideator is openai:gpt-4o but OPENAI_API_KEY is not set; export it,
     *                                  or use agents.ideator: catalog."
     */
    public static LlmSettings settings(AgentRef ref, String roleKey, Map<String, String> env,
                                       Map<LlmProvider, ProviderSettings> fromSettingsFile) {
        LlmProvider provider = LlmProvider.of(ref.kind());
        return LlmSettings.resolve(ref, roleKey, env, fromSettingsFile.getOrDefault(provider, ProviderSettings.NONE));
    }

    /** An ideator that records each of its calls in {@code log} (the study's {@code llm_calls}). */
    public Ideator ideator(LlmSettings settings, String studyDescription, LlmCallLog log) {
        return new LlmIdeator(clients.create(settings), prompts, studyDescription, log, pricing);
    }

    /** An implementer that records each of its calls in {@code log}. */
    public Implementer implementer(LlmSettings settings, String studyDescription, LlmCallLog log) {
        return new LlmImplementer(clients.create(settings), prompts, studyDescription, log, pricing);
    }

    /** The check behind {@code groundwork llm test PROVIDER:MODEL}. */
    public LlmCheck check() {
        return new LlmCheck(clients);
    }

    public PromptTemplates prompts() {
        return prompts;
    }

    public Pricing pricing() {
        return pricing;
    }
}
