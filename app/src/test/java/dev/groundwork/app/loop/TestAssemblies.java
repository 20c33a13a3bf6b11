package dev.groundwork.app.loop;

import dev.groundwork.model.dispatch.FileGpuLeases;
import dev.groundwork.runners.hosts.HostTargets;
import dev.groundwork.runners.llm.LlmAgents;
import dev.groundwork.runners.local.GpuProbe;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loop's assembly as the composition root makes it, on this machine's processes, for tests under {@code temp}. */
public final class TestAssemblies {

    private TestAssemblies() {}

    public static LoopAssembly local(Path temp) {
        return local(temp, new GpuProbe("nvidia-smi"));
    }

    public static LoopAssembly local(Path temp, GpuProbe gpus) {
        return new LoopAssembly(Clock.systemUTC(), LlmAgents.create(Optional.empty(), Optional.empty()), Map.of(),
                temp.resolve("settings.json"), new HostTargets(gpus, System.getenv()),
                new FileGpuLeases(temp.resolve("state/leases")), List::of);
    }
}
