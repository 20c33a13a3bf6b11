package dev.groundwork.model.run;

import java.util.List;

/**
 * What it takes to run the same thing again: the exact command, the names (never the values) of the environment
 * variables set, the seed, the image digest for Docker runs and the GPU model.
 */
public record Reproducibility(List<String> command, List<String> envNames, Long seed, String imageDigest, String gpuModel) {
    public Reproducibility {
        command = command == null ? List.of() : List.copyOf(command);
        envNames = envNames == null ? List.of() : List.copyOf(envNames);
    }

    public static Reproducibility none() {
        return new Reproducibility(List.of(), List.of(), null, null, null);
    }
}
