package dev.groundwork.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The spec as written, before any check: every key optional and every value as YAML gave it, so that binding only
 * catches unknown keys and wrong shapes and {@link SpecValidator} can report all other mistakes at once. Keys are
 * the components' names in snake_case; a missing section reads as one with no keys.
 */
record SpecDocument(
        String name,
        String description,
        Baseline baseline,
        Run run,
        Metrics metrics,
        Reward reward,
        Search search,
        Agents agents,
        Gates gates,
        Budget budget) {

    SpecDocument {
        baseline = baseline == null ? new Baseline(null, null, null) : baseline;
        run = run == null ? new Run(null, null, null, null, null, null, null, null, null, null, null, null, null) : run;
        metrics = metrics == null ? new Metrics(null, null) : metrics;
        reward = reward == null ? new Reward(null, null, null, null) : reward;
        search = search == null ? new Search(null, null, null, null, null, null, null) : search;
        agents = agents == null ? new Agents(null, null, null) : agents;
        gates = gates == null ? new Gates(null, null, null) : gates;
        budget = budget == null ? new Budget(null, null) : budget;
    }

    record Baseline(String path, List<String> editable, @JsonProperty("protected") List<String> protectedPaths) {}

    record Run(
            String target,
            String image,
            List<String> command,
            List<String> smoke,
            Integer gpusPerRun,
            String timeout,
            Long seed,
            Map<String, String> env,
            String network,
            Limits limits,
            String user,
            List<String> artifacts,
            Map<String, String> data) {}

    record Limits(String memory, Double cpus, Long pids) {}

    record Metrics(String parser, String regex) {}

    record Reward(String metric, String goal, String aggregate, List<Double> valid) {}

    record Search(
            Integer epochs,
            Integer ideasPerEpoch,
            String exploit,
            Integer topK,
            Integer concurrency,
            String codeBase,
            String mode) {}

    record Agents(String ideator, String implementer, Integer maxAttempts) {}

    record Gates(String idea, String patch, String launch) {}

    record Budget(Double llmUsd, Double gpuHours) {}
}
