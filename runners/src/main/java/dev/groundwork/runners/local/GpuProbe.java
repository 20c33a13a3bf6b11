package dev.groundwork.runners.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The GPUs of this machine, as {@code nvidia-smi} lists them; none when there is no NVIDIA driver. */
public final class GpuProbe {

    private final String nvidiaSmi;

    public GpuProbe(String nvidiaSmi) {
        this.nvidiaSmi = nvidiaSmi;
    }

    public List<Integer> gpuIds() {
        try {
            Process process = new ProcessBuilder(nvidiaSmi, "--query-gpu=index", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return List.of();
            }
            return output.lines().map(String::strip).filter(line -> line.matches("\\d+")).map(Integer::valueOf).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
