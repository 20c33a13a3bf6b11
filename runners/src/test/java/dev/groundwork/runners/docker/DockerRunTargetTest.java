package dev.groundwork.runners.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.groundwork.model.execution.ContainerOptions;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.model.metrics.MetricParser;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.spec.MetricsSpec;
import dev.groundwork.runners.common.RecordingListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Docker host's runs against a real daemon (the one GROUNDWORK_TEST_DOCKER names), with the busybox test image. */
class DockerRunTargetTest {

    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration LONG = Duration.ofMinutes(2);

    @TempDir
    Path study;
    private DockerClients clients;
    private DockerConnection docker;
    private DockerRunTarget target;
    private TestDocker.Runs runs;
    private Slot cpu0;

    @BeforeEach
    void setUp() throws Exception {
        HostConfig host = TestDocker.host("box", List.of());
        clients = new DockerClients();
        docker = clients.connect(host);
        TestDocker.requireImage(docker.commands(), TestDocker.BUSYBOX);
        target = new DockerRunTarget(host, Slots.cpu("box", 2), clients, GRACE);
        runs = new TestDocker.Runs(study);
        cpu0 = target.slots().getFirst();
    }

    @AfterEach
    void tearDown() {
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    void aRunsLinesAndMetricsReachTheListenerAndItsLogThenItsContainerIsRemoved() throws Exception {
        RunLaunch launch = runs.shell("""
                i=0
                while [ $i -lt 300 ]; do
                  echo "{\\"step\\": $i, \\"loss\\": 0.$i}"
                  if [ $i -eq 150 ]; then echo "warning: halfway" >&2; fi
                  i=$((i+1))
                done
                printf 'no line break at the end'
                """, cpu0, LONG, TestDocker.options(TestDocker.BUSYBOX));
        RecordingListener listener = new RecordingListener();

        RunHandle handle = target.start(launch, listener);
        RunExit exit = listener.awaitExit();

        assertThat(exit.succeeded()).isTrue();
        assertThat(exit.exitCode()).isZero();
        MetricParser parser = MetricParser.of(new MetricsSpec(MetricsSpec.Parser.JSONL, Optional.empty()));
        List<Long> steps = listener.texts(false).stream()
                .flatMap(line -> parser.parse(line).stream()).map(MetricParser.Value::step).toList();
        assertThat(steps).hasSize(300).isSorted();
        assertThat(listener.texts(false)).last().isEqualTo("no line break at the end");
        assertThat(listener.texts(true)).containsExactly("warning: halfway");
        assertThat(Files.readAllLines(launch.logFile()))
                .containsExactlyElementsOf(listener.lines().stream().map(RecordingListener.Line::text).toList());
        assertThat(handle.facts().imageDigest()).startsWith("sha256:");
        assertThatThrownBy(() -> docker.commands().inspectContainerCmd(handle.id()).exec())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRunningContainerCarriesGroundworksLabelsAndTheSpecsEnvironment() throws Exception {
        RunLaunch launch = runs.shell("echo ready; sleep 30", cpu0, LONG, TestDocker.options(TestDocker.BUSYBOX));
        RecordingListener listener = new RecordingListener();

        RunHandle handle = target.start(launch, listener);
        listener.awaitLine("ready"::equals);
        InspectContainerResponse container = docker.commands().inspectContainerCmd(handle.id()).exec();
        handle.cancel();
        listener.awaitExit();

        assertThat(container.getConfig().getLabels()).containsEntry(Labels.STUDY, launch.studyId())
                .containsEntry(Labels.RUN, String.valueOf(launch.runId())).containsEntry(Labels.GPU, "")
                .containsEntry(Labels.OWNER, clients.owner().label()).containsEntry(Labels.SLOT, "box/cpu0");
        assertThat(container.getConfig().getEnv()).contains("GW_TEST=yes", "PYTHONUNBUFFERED=1",
                "CUDA_VISIBLE_DEVICES=");
        assertThat(container.getConfig().getEnv()).noneMatch(variable -> variable.startsWith("PATH=/usr/lib/jvm"));
        assertThat(container.getConfig().getWorkingDir()).isEqualTo("/workspace");
    }

    @Test
    void theBoxHasTheSpecsLimitsAndItsNonRootUserWhoOwnsTheWorkspace() throws Exception {
        ContainerOptions boxed = new ContainerOptions(TestDocker.BUSYBOX, "none", OptionalLong.of(64L << 20),
                OptionalDouble.of(0.5), OptionalLong.of(64), "1234:2345", List.of(), Map.of());
        RunLaunch launch = runs.shell("""
                id
                echo written > /workspace/mine.txt && echo wrote
                echo ready
                sleep 30
                """, cpu0, LONG, boxed);
        RecordingListener listener = new RecordingListener();

        RunHandle handle = target.start(launch, listener);
        listener.awaitLine("ready"::equals);
        InspectContainerResponse container = docker.commands().inspectContainerCmd(handle.id()).exec();
        handle.cancel();
        listener.awaitExit();

        var box = container.getHostConfig();
        assertThat(box.getMemory()).isEqualTo(64L << 20);
        assertThat(box.getMemorySwap()).isEqualTo(64L << 20);
        assertThat(box.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(box.getPidsLimit()).isEqualTo(64L);
        assertThat(box.getNetworkMode()).isEqualTo("none");
        assertThat(box.getSecurityOpts()).contains("no-new-privileges");
        assertThat(container.getConfig().getUser()).isEqualTo("1234:2345");
        assertThat(listener.texts(false)).contains("uid=1234 gid=2345 groups=2345", "wrote");
    }

    @Test
    void aRunPastItsTimeoutIsStoppedAndTimedOut() throws Exception {
        RunLaunch launch = runs.shell("echo started; sleep 60", cpu0, Duration.ofSeconds(1),
                TestDocker.options(TestDocker.BUSYBOX));
        RecordingListener listener = new RecordingListener();

        target.start(launch, listener);
        RunExit exit = listener.awaitExit();

        assertThat(exit.failure()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(exit.seconds()).isLessThan(15);
        assertThat(listener.texts(false)).containsExactly("started");
    }

    @Test
    void aCancelledRunIsStoppedAndCancelled() throws Exception {
        RunLaunch launch = runs.shell("echo started; sleep 60", cpu0, LONG, TestDocker.options(TestDocker.BUSYBOX));
        RecordingListener listener = new RecordingListener();

        RunHandle handle = target.start(launch, listener);
        listener.awaitLine("started"::equals);
        handle.cancel();
        RunExit exit = listener.awaitExit();

        assertThat(exit.failure()).isEqualTo(FailureClass.CANCELLED);
        assertThatThrownBy(() -> docker.commands().inspectContainerCmd(handle.id()).exec())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRunPastItsMemoryLimitIsKilledAndOutOfMemory() throws Exception {
        ContainerOptions small = new ContainerOptions(TestDocker.BUSYBOX, "none", OptionalLong.of(16L << 20),
                OptionalDouble.empty(), OptionalLong.empty(), "1000:1000", List.of(), Map.of());
        RunLaunch launch = runs.shell("echo filling; x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived",
                cpu0, LONG, small);
        RecordingListener listener = new RecordingListener();

        target.start(launch, listener);
        RunExit exit = listener.awaitExit();

        assertThat(exit.failure()).isEqualTo(FailureClass.OOM);
        assertThat(listener.texts(false)).doesNotContain("survived");
    }

    @Test
    void aFailingRunIsTheCodesFailureWithItsLastLines() throws Exception {
        RunLaunch launch = runs.shell("echo 'Traceback: loss exploded' >&2; exit 3", cpu0, LONG,
                TestDocker.options(TestDocker.BUSYBOX));
        RecordingListener listener = new RecordingListener();

        target.start(launch, listener);
        RunExit exit = listener.awaitExit();

        assertThat(exit.exitCode()).isEqualTo(3);
        assertThat(exit.failure()).isEqualTo(FailureClass.CODE);
        assertThat(exit.tail()).containsExactly("Traceback: loss exploded");
    }

    @Test
    void anImageTheHostLacksIsRefusedWithTheCommandThatBuildsIt() throws Exception {
        RunLaunch launch = runs.shell("true", cpu0, LONG, TestDocker.options("groundwork/nowhere:1"));

        assertThatThrownBy(() -> target.start(launch, new RecordingListener()))
                .isInstanceOf(RunStartException.class)
                .hasMessage("Image groundwork/nowhere:1 is not on host box: build it there with `groundwork image build "
                        + study + " --host box` (or load it with docker load).")
                .matches(e -> !((RunStartException) e).hostDown());
    }

    @Test
    void aCommandTheImageLacksFailsWithASentenceThatSaysSo() throws Exception {
        RunLaunch launch = runs.launch(List.of("python3", "train.py"), Map.of("train.py", ""), cpu0, LONG,
                TestDocker.options(TestDocker.BUSYBOX));
        RecordingListener listener = new RecordingListener();

        target.start(launch, listener);
        RunExit exit = listener.awaitExit();

        assertThat(exit.exitCode()).isEqualTo(127);
        assertThat(exit.failure()).isEqualTo(FailureClass.CODE);
        assertThat(exit.tail()).last().isEqualTo("Image groundwork-test/busybox:latest has no python3 (No such file"
                + " or directory): check run.command and run.image in groundwork.yaml.");
    }

    @Test
    void withoutANetworkARunReachesNothingAndWithTheHostsItDoes() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            AtomicInteger accepted = new AtomicInteger();
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (var socket = server.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            String script = "for a in 127.0.0.1 " + outsideAddress() + "; do"
                    + " if nc -w 2 $a " + server.getLocalPort() + " </dev/null; then echo reached $a; exit 0; fi;"
                    + " done; echo unreachable; exit 1";
            RecordingListener none = new RecordingListener();
            target.start(runs.shell(script, cpu0, LONG, TestDocker.options(TestDocker.BUSYBOX)), none);
            RunExit isolated = none.awaitExit();
            int acceptedWithoutNetwork = accepted.get();
            RecordingListener host = new RecordingListener();
            target.start(runs.shell(script, cpu0, LONG, new ContainerOptions(TestDocker.BUSYBOX, "host",
                    OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.empty(), "1000:1000", List.of(), Map.of())), host);
            RunExit connected = host.awaitExit();

            assertThat(isolated.exitCode()).isEqualTo(1);
            assertThat(none.texts(false)).last().isEqualTo("unreachable");
            assertThat(acceptedWithoutNetwork).isZero();
            assertThat(connected.exitCode()).isZero();
            assertThat(accepted.get()).isPositive();
        }
    }

    @Test
    void declaredArtifactsAreCopiedIntoTheRunsFolderAndMissingOnesAreNoted() throws Exception {
        ContainerOptions withArtifacts = new ContainerOptions(TestDocker.BUSYBOX, "none", OptionalLong.empty(),
                OptionalDouble.empty(), OptionalLong.empty(), "1000:1000",
                List.of("out/result.txt", "checkpoints", "never-written.bin"), Map.of());
        RunLaunch launch = runs.shell("""
                mkdir -p out checkpoints/best
                echo 0.42 > out/result.txt
                echo weights > checkpoints/best/model.bin
                """, cpu0, LONG, withArtifacts);
        RecordingListener listener = new RecordingListener();

        target.start(launch, listener);
        RunExit exit = listener.awaitExit();

        Path artifacts = launch.logFile().getParent().resolve("artifacts");
        assertThat(exit.succeeded()).isTrue();
        assertThat(artifacts.resolve("out/result.txt")).hasContent("0.42");
        assertThat(artifacts.resolve("checkpoints/best/model.bin")).hasContent("weights");
        assertThat(artifacts.resolve("never-written.bin")).doesNotExist();
        assertThat(exit.tail()).contains("Artifact never-written.bin was not in the workspace when the run ended.");
    }

    @Test
    void dataFoldersAreMountedReadOnlyAtDataNameAndNeverCopied() throws Exception {
        Path shards = Files.createDirectories(study.resolve("shards"));
        Files.writeString(shards.resolve("train.bin"), "tokens");
        shards.toFile().setWritable(true, false);
        ContainerOptions withData = new ContainerOptions(TestDocker.BUSYBOX, "none", OptionalLong.empty(),
                OptionalDouble.empty(), OptionalLong.empty(), "1000:1000", List.of(), Map.of("fineweb", shards));
        RunLaunch launch = runs.shell("""
                cat data/fineweb/train.bin; echo
                if touch data/fineweb/written 2>/dev/null; then echo writable; else echo read-only; fi
                """, cpu0, LONG, withData);
        RecordingListener listener = new RecordingListener();

        target.start(launch, listener);
        RunExit exit = listener.awaitExit();

        assertThat(exit.succeeded()).isTrue();
        assertThat(listener.texts(false)).containsSubsequence("tokens", "read-only");
        assertThat(shards.resolve("written")).doesNotExist();
        assertThat(launch.workspace().resolve("data")).doesNotExist();
    }

    private int containers() {
        return docker.commands().listContainersCmd().withShowAll(true).exec().size();
    }

    /** An address of this machine that is not loopback, which a container with the host's network could reach. */
    private static String outsideAddress() throws IOException {
        for (NetworkInterface face : NetworkInterface.networkInterfaces().toList()) {
            for (InetAddress address : face.inetAddresses().toList()) {
                if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
                    return address.getHostAddress();
                }
            }
        }
        return "192.0.2.1";
    }
}
