package dev.groundwork.runners.docker;

import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.HostHealth;
import dev.groundwork.model.execution.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether a Docker host can take runs: it answers (the connection pinged it), and when it is to give runs GPUs, its
 * daemon has the NVIDIA runtime (without it every GPU run would be refused at its start; better to say so once, here).
 * The facts are what a person testing the host wants to see: versions, the machine, runtimes, GPUs, images.
 */
final class HostCheck {

    static final String NVIDIA = "nvidia";

    private HostCheck() {}

    static HostHealth check(DockerConnection docker, HostConfig host, List<Slot> slots) {
        Version version = docker.commands().versionCmd().exec();
        Info info = docker.commands().infoCmd().exec();
        Map<String, ?> runtimes = info.getRuntimes() == null ? Map.of() : info.getRuntimes();
        List<Integer> gpus = host.gpuIds().orElse(List.of());
        TreeSet<Integer> slotGpus = slots.stream().flatMap(slot -> slot.gpuIds().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        if (!slotGpus.isEmpty() && !runtimes.containsKey(NVIDIA)) {
            return HostHealth.unhealthy("Host " + host.name() + " is to give runs GPUs " + join(slotGpus) + " but its"
                    + " Docker daemon has no nvidia runtime (it has " + String.join(", ", new TreeSet<>(runtimes.keySet()))
                    + "): install the NVIDIA Container Toolkit there and restart dockerd, or remove the GPUs from the"
                    + " host's settings.");
        }
        List<String> facts = new ArrayList<>();
        facts.add("Docker " + version.getVersion() + ", API " + version.getApiVersion() + " (Groundwork speaks "
                + docker.apiVersion() + ")");
        facts.add(info.getOperatingSystem() + ", " + info.getNCPU() + " CPUs, " + gib(info.getMemTotal())
                + " memory");
        facts.add("runtimes: " + String.join(", ", new TreeSet<>(runtimes.keySet())));
        facts.add("GPUs: " + (gpus.isEmpty() ? "none" : join(gpus)
                + (runtimes.containsKey(NVIDIA) ? " (nvidia runtime present)" : "")));
        facts.add("images: " + info.getImages());
        return HostHealth.healthy(facts);
    }

    private static String join(java.util.Collection<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String gib(Long bytes) {
        return bytes == null ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
