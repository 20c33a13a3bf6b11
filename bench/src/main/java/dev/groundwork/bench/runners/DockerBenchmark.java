package dev.groundwork.bench.runners;

import dev.groundwork.model.execution.ContainerOptions;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.runners.docker.DockerClients;
import dev.groundwork.runners.docker.DockerRunTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the Docker target costs a run (for {@code groundwork bench docker}), on hosts the caller names and an image
 * that has {@code sh}, {@code true}, {@code sleep} and {@code cat}:
 * <ul>
 *   <li>overhead: the median of start → onExit of {@code true} through the target, less the median wall time of
 *       {@code docker run --rm --network none IMAGE true} by the docker CLI, in alternating rounds;</li>
 *   <li>gap: how long one slot stays idle when each onExit starts the next run, from one container's process to the
 *       next one's, read from the host's clock inside the containers ({@code /proc/uptime}, 10 ms steps);</li>
 *   <li>makespan: {@code runs} runs of {@code sleep seconds} on two slots per host, each slot starting its next run
 *       from the last one's onExit, against the ideal {@code runs × seconds ÷ slots}, and against the same runs by
 *       {@code docker run --rm}, two at a time per host (what the machine and its daemons allow).</li>
 * </ul>
 */
public final class DockerBenchmark {

    private static final int WARM_UP = 2;

    public record Overhead(int rounds, double dockerRunMillis, double targetMillis) {
        public double overheadMillis() {
            return targetMillis - dockerRunMillis;
        }

        public double ratio() {
            return targetMillis / dockerRunMillis;
        }
    }

    /**
     * @param seconds          through the target
     * @param dockerRunSeconds the same runs by {@code docker run --rm}, as many at once per host as it has slots
     */
    public record Makespan(int runs, int slots, int hosts, double runSeconds, double seconds, double dockerRunSeconds) {
        public double idealSeconds() {
            return runs * runSeconds / slots;
        }
    }

    private final DockerClients clients;
    private final String image;
    private final Path dir;
    private final AtomicLong nextRun = new AtomicLong(1);

    public DockerBenchmark(DockerClients clients, String image, Path dir) {
        this.clients = clients;
        this.image = image;
        this.dir = dir;
    }

    public Overhead overhead(HostConfig host, int rounds) throws Exception {
        DockerRunTarget target = new DockerRunTarget(host, Slots.cpu(host.name(), 1), clients,
                DockerRunTarget.DEFAULT_GRACE);
        Slot slot = target.slots().getFirst();
        for (int i = 0; i < WARM_UP; i++) {
            dockerRun(host);
            once(target, slot, List.of("true"));
        }
        double[] cli = new double[rounds];
        double[] ours = new double[rounds];
        for (int i = 0; i < rounds; i++) { // alternate which goes first, so neither always runs on a warmer machine
            if (i % 2 == 0) {
                cli[i] = dockerRun(host);
                ours[i] = once(target, slot, List.of("true"));
            } else {
                ours[i] = once(target, slot, List.of("true"));
                cli[i] = dockerRun(host);
            }
        }
        return new Overhead(rounds, median(cli), median(ours));
    }

    /** The median idle gap in milliseconds over {@code runs} consecutive runs on one slot. */
    public double gap(HostConfig host, int runs) throws Exception {
        DockerRunTarget target = new DockerRunTarget(host, Slots.cpu(host.name(), 1), clients,
                DockerRunTarget.DEFAULT_GRACE);
        Slot slot = target.slots().getFirst();
        List<Double> uptimes = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(runs);
        List<String> command = List.of("sh", "-c", "cat /proc/uptime");
        RunListener listener = new RunListener() {
            @Override
            public void onLine(String line, boolean stderr) {
                uptimes.add(Double.parseDouble(line.strip().split("\\s+")[0]));
            }

            @Override
            public void onExit(RunExit exit) {
                if (left.decrementAndGet() == 0 || !exit.succeeded()) {
                    done.complete(null);
                    return;
                }
                try {
                    target.start(launch(slot, command), this);
                } catch (IOException | RunStartException e) {
                    done.completeExceptionally(e);
                }
            }
        };
        target.start(launch(slot, command), listener);
        done.get(10, TimeUnit.MINUTES);
        double[] gaps = new double[uptimes.size() - 1];
        for (int i = 1; i < uptimes.size(); i++) {
            gaps[i - 1] = (uptimes.get(i) - uptimes.get(i - 1)) * 1000;
        }
        return median(gaps);
    }

    /** {@code runs} runs of {@code sleep seconds} on two slots of each host. */
    public Makespan makespan(List<HostConfig> hosts, int runs, int seconds) throws Exception {
        List<DockerRunTarget> targets = new ArrayList<>();
        for (HostConfig host : hosts) {
            targets.add(new DockerRunTarget(host, Slots.cpu(host.name(), 2), clients, DockerRunTarget.DEFAULT_GRACE));
        }
        AtomicInteger queued = new AtomicInteger(runs);
        CountDownLatch finished = new CountDownLatch(runs);
        List<String> command = List.of("sleep", String.valueOf(seconds));
        long start = System.nanoTime();
        int slots = 0;
        for (DockerRunTarget target : targets) {
            for (Slot slot : target.slots()) {
                slots++;
                startNext(target, slot, command, queued, finished);
            }
        }
        if (!finished.await(30, TimeUnit.MINUTES)) {
            throw new IOException("the runs did not finish in 30 minutes");
        }
        double through = (System.nanoTime() - start) / 1e9;
        return new Makespan(runs, slots, hosts.size(), seconds, through, dockerRunMakespan(hosts, runs, seconds));
    }

    /** The same runs by the docker CLI: a worker per slot, each starting the next queued run when its last ends. */
    private double dockerRunMakespan(List<HostConfig> hosts, int runs, int seconds) throws Exception {
        AtomicInteger queued = new AtomicInteger(runs);
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (HostConfig host : hosts) {
            for (int slot = 0; slot < 2; slot++) {
                workers.add(Thread.ofPlatform().name("bench-docker-run").start(() -> {
                    try {
                        while (queued.getAndDecrement() > 0) {
                            dockerRun(host, "sleep", String.valueOf(seconds));
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.add(e);
                    }
                }));
            }
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void startNext(DockerRunTarget target, Slot slot, List<String> command, AtomicInteger queued,
                           CountDownLatch finished) throws IOException, RunStartException {
        if (queued.getAndDecrement() <= 0) {
            return;
        }
        target.start(launch(slot, command), new RunListener() {
            @Override
            public void onLine(String line, boolean stderr) {}

            @Override
            public void onExit(RunExit exit) {
                finished.countDown();
                try {
                    startNext(target, slot, command, queued, finished);
                } catch (IOException | RunStartException e) {
                    while (finished.getCount() > 0) {
                        finished.countDown();
                    }
                }
            }
        });
    }

    private double once(DockerRunTarget target, Slot slot, List<String> command) throws Exception {
        CompletableFuture<RunExit> exit = new CompletableFuture<>();
        long start = System.nanoTime();
        target.start(launch(slot, command), new RunListener() {
            @Override
            public void onLine(String line, boolean stderr) {}

            @Override
            public void onExit(RunExit ended) {
                exit.complete(ended);
            }
        });
        RunExit ended = exit.get(5, TimeUnit.MINUTES);
        double millis = (System.nanoTime() - start) / 1e6;
        if (!ended.succeeded()) {
            throw new IOException("a benchmark run failed: " + ended.tail());
        }
        return millis;
    }

    /** {@code docker run --rm} of the same image and command by the docker CLI, as a person would start it. */
    private double dockerRun(HostConfig host, String... run) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host.endpoint().orElseThrow()));
        host.tlsDir().ifPresent(tls -> command.addAll(List.of("--tlsverify", "--tlscacert", tls.resolve("ca.pem")
                .toString(), "--tlscert", tls.resolve("cert.pem").toString(), "--tlskey", tls.resolve("key.pem")
                .toString())));
        command.addAll(List.of("run", "--rm", "--network", "none", image));
        command.addAll(run.length == 0 ? List.of("true") : List.of(run));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + ")");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private RunLaunch launch(Slot slot, List<String> command) throws IOException {
        long id = nextRun.getAndIncrement();
        Path runDir = dir.resolve("runs").resolve(String.valueOf(id));
        Path workspace = Files.createDirectories(runDir.resolve("workspace"));
        return new RunLaunch(id, workspace, command, Map.of(), Duration.ofMinutes(5), slot, runDir.resolve("log.txt"),
                "bench", Optional.of(new ContainerOptions(image, "none", OptionalLong.empty(), OptionalDouble.empty(),
                OptionalLong.empty(), "1000:1000", List.of(), Map.of())));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
