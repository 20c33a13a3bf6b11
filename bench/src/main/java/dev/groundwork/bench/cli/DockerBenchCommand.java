package dev.groundwork.bench.cli;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.bench.runners.DockerBenchmark;
import dev.groundwork.runners.docker.DockerClients;
import dev.groundwork.model.common.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The Docker target's overhead over `docker run --rm`, a slot's idle gap, and a makespan across hosts. */
@Command(name = "docker", mixinStandardHelpOptions = true, description = {
    "Docker target: a run through it vs `docker run --rm` of the same image and command, a slot's idle gap between",
    "runs, and RUNS runs of `sleep` on two slots per host against the ideal makespan (hosts from the settings)."})
public final class DockerBenchCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "NAME",
            description = "A Docker host of the settings (repeatable; default: all; the first one measures overhead and gap).")
    List<String> hostNames = new ArrayList<>();

    @Option(names = "--image", defaultValue = "groundwork-test/busybox:latest",
            description = "An image with sh, true, sleep and cat on every host (default ${DEFAULT-VALUE},"
                    + " which scripts/test-docker.sh images ENDPOINT puts there).")
    String image;

    @Option(names = "--rounds", defaultValue = "20", description = "Runs of each kind, alternating (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--runs", defaultValue = "32", description = "Runs for the makespan (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seconds", defaultValue = "1", description = "How long each makespan run sleeps (default ${DEFAULT-VALUE}).")
    int seconds;

    private final DockerClients clients;
    private final Supplier<List<HostConfig>> hosts;
    private final CliPrinter printer;

    public DockerBenchCommand(DockerClients clients, Supplier<List<HostConfig>> hosts, CliPrinter printer) {
        this.clients = clients;
        this.hosts = hosts;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        List<HostConfig> chosen = chosen();
        Path dir = Files.createTempDirectory("groundwork-bench-docker");
        try {
            DockerBenchmark bench = new DockerBenchmark(clients, image, dir);
            HostConfig first = chosen.getFirst();
            printer.note("Docker target on " + first.name() + ": " + rounds + " rounds of `true` in " + image
                    + ", by `docker run --rm` and through the target…");
            DockerBenchmark.Overhead overhead = bench.overhead(first, rounds);
            printer.result(String.format(Locale.ROOT, "docker     docker run --rm %.0f ms, through the target %.0f ms (median"
                    + " of %d): overhead %+.0f ms (%.2f×)", overhead.dockerRunMillis(), overhead.targetMillis(),
                    overhead.rounds(), overhead.overheadMillis(), overhead.ratio()));
            double gap = bench.gap(first, rounds);
            printer.result(String.format(Locale.ROOT, "docker     idle gap between consecutive runs on a slot %.0f ms (median"
                    + " of %d)", gap, rounds - 1));
            printer.note("Makespan: " + runs + " runs of `sleep " + seconds + "` on 2 slots of each of "
                    + chosen.stream().map(HostConfig::name).collect(Collectors.joining(", ")) + "…");
            DockerBenchmark.Makespan makespan = bench.makespan(chosen, runs, seconds);
            printer.result(String.format(Locale.ROOT, "docker     %d runs of %d s on %d slots across %d host%s: %.1f s through"
                    + " the target, %.1f s by docker run --rm the same way, ideal %.1f s (%.2f× ideal, %.2f× docker run)",
                    makespan.runs(), (int) makespan.runSeconds(), makespan.slots(), makespan.hosts(),
                    makespan.hosts() == 1 ? "" : "s", makespan.seconds(), makespan.dockerRunSeconds(),
                    makespan.idealSeconds(), makespan.seconds() / makespan.idealSeconds(),
                    makespan.seconds() / makespan.dockerRunSeconds()));
        } finally {
            Folders.deleteTree(dir);
        }
        return ExitCodes.OK;
    }

    private List<HostConfig> chosen() {
        List<HostConfig> docker = hosts.get().stream().filter(host -> host.kind() == HostConfig.Kind.DOCKER).toList();
        if (docker.isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "No Docker host is in the settings: add one (groundwork hosts add NAME"
                    + " unix:///var/run/docker.sock) and run this again.");
        }
        if (hostNames.isEmpty()) {
            return docker;
        }
        List<HostConfig> chosen = new ArrayList<>();
        for (String name : hostNames) {
            chosen.add(docker.stream().filter(host -> host.name().equals(name)).findFirst().orElseThrow(() ->
                    new UserError(ExitCodes.USAGE, "No Docker host is named " + name + "; the settings have "
                            + docker.stream().map(HostConfig::name).collect(Collectors.joining(", ")) + ".")));
        }
        return chosen;
    }
}
