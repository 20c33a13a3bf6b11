package dev.groundwork.runners.common;

import dev.groundwork.model.execution.Slot;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A run's environment: Groundwork's own minus anything that looks like a secret (API keys never enter runs), then
 * {@code PYTHONUNBUFFERED=1} so output arrives as it is printed, then the spec's variables (which may override it),
 * then {@code CUDA_VISIBLE_DEVICES} from the slot: empty for a CPU slot, so that a CPU run never takes a GPU.
 */
public final class RunEnvironment {

    public static final String CUDA_VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";

    private static final List<String> SECRET_PARTS = List.of(
            "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL");

    private RunEnvironment() {}

    public static Map<String, String> of(Map<String, String> inherited, Map<String, String> spec, Slot slot) {
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

    /**
     * A container's: nothing of Groundwork's own (so no secret can leak in), {@code PYTHONUNBUFFERED=1}, {@code HOME}
     * in {@code /tmp} (the run's user has no home in the image, and libraries cache there), the spec's variables, then
     * the slot's GPUs as the container sees them: the daemon passes in only the slot's devices, numbered from 0, so a
     * GPU slot [2, 3] is {@code 0,1} inside; empty for a CPU slot.
     */
    public static Map<String, String> forContainer(Map<String, String> spec, Slot slot) {
        Map<String, String> env = new HashMap<>();
        env.put("PYTHONUNBUFFERED", "1");
        env.put("HOME", "/tmp");
        env.putAll(spec);
        env.put(CUDA_VISIBLE_DEVICES, IntStream.range(0, slot.gpuIds().size())
                .mapToObj(String::valueOf).collect(Collectors.joining(",")));
        return env;
    }

    /** Names such as OPENAI_API_KEY, HF_TOKEN, AWS_SECRET_ACCESS_KEY, DB_PASSWORD; not TOKENIZERS_PARALLELISM. */
    public static boolean isSecret(String name) {
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
