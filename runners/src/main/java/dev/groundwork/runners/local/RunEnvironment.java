package dev.groundwork.runners.local;

import dev.groundwork.model.execution.Slot;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run's environment: Groundwork's own minus anything that looks like a secret (API keys never enter runs), then
 * {@code PYTHONUNBUFFERED=1} so output arrives as it is printed, then the spec's variables (which may override it),
 * then {@code CUDA_VISIBLE_DEVICES} from the slot: empty for a CPU slot, so that a CPU run never takes a GPU.
 */
final class RunEnvironment {

    static final String CUDA_VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";

    private static final List<String> SECRET_PARTS = List.of(
            "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL");

    private RunEnvironment() {}

    static Map<String, String> of(Map<String, String> inherited, Map<String, String> spec, Slot slot) {
        Map<String, String> env = new HashMap<>();
        inherited.forEach((name, value) -> {
            if (!isSecret(name)) {
                env.put(name, value);
            }
        });
        env.put("PYTHONUNBUFFERED", "1");
        env.putAll(spec);
        env.put(CUDA_VISIBLE_DEVICES, slot.gpuIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        return env;
    }

    /** Names such as OPENAI_API_KEY, HF_TOKEN, AWS_SECRET_ACCESS_KEY, DB_PASSWORD; not TOKENIZERS_PARALLELISM. */
    static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String part : SECRET_PARTS) {
            if (upper.contains(part)) {
                return true;
            }
        }
        // TOKEN only as a whole word: HF_TOKEN yes, TOKENIZERS_PARALLELISM no
        return List.of(upper.split("_")).contains("TOKEN");
    }
}
