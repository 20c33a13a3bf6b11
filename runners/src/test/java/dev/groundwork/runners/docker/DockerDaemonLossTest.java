package dev.groundwork.runners.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.HostHealth;
import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.runners.common.RecordingListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Docker daemon that dies mid-run (a second, private daemon, killed with SIGKILL): the run ends as an infrastructure
 * failure (which the scheduler runs again elsewhere), the host checks unhealthy with a sentence, and healthy again once
 * the daemon is back.
 */
class DockerDaemonLossTest {

    @TempDir
    Path temp;

    @Test
    void aRunWhoseDaemonDiesIsAnInfraFailureAndTheHostIsUnhealthyUntilItComesBack() throws Exception {
        String main = TestDocker.endpoint();
        try (DockerClients mainClients = new DockerClients();
             PrivateDaemon daemon = PrivateDaemon.start(temp.resolve("d"));
             DockerClients clients = new DockerClients()) {
            HostConfig host = new HostConfig("flaky", HostConfig.Kind.DOCKER, Optional.of(daemon.socket()),
                    Optional.empty(), Optional.empty(), 1, false);
            var mainDocker = mainClients.connect(TestDocker.host("main", List.of())).commands();
            TestDocker.requireImage(mainDocker, TestDocker.BUSYBOX);
            daemon.load(mainDocker, clients.connect(host).commands(), TestDocker.BUSYBOX);
            DockerRunTarget target = new DockerRunTarget(host, Slots.cpu("flaky", 1), clients, Duration.ofSeconds(1));
            RecordingListener listener = new RecordingListener();
            target.start(new TestDocker.Runs(temp).shell("echo started; sleep 120", target.slots().getFirst(),
                    Duration.ofMinutes(5), TestDocker.options(TestDocker.BUSYBOX)), listener);
            listener.awaitLine("started"::equals);

            daemon.kill();
            RunExit exit = listener.awaitExit();
            HostHealth down = target.check();
            daemon.restart();
            HostHealth back = target.check();

            assertThat(exit.failure()).isEqualTo(FailureClass.INFRA);
            assertThat(exit.exitCode()).isNull();
            assertThat(down.healthy()).isFalse();
            assertThat(down.problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("Cannot reach the Docker daemon of host flaky at " + daemon.socket())
                    .endsWith("check that dockerd runs and listens there."));
            assertThat(back.healthy()).isTrue();
            assertThat(back.facts()).anyMatch(fact -> fact.startsWith("Docker "));
            assertThat(main).isNotEqualTo(daemon.socket());
        }
    }

    @Test
    void aRunOnADaemonThatDoesNotAnswerIsRefusedAsTheHostsFailure() {
        HostConfig host = new HostConfig("gone", HostConfig.Kind.DOCKER,
                Optional.of("unix://" + temp.resolve("no-such.sock")), Optional.empty(), Optional.empty(), 1, false);
        DockerRunTarget target = new DockerRunTarget(host, Slots.cpu("gone", 1), new DockerClients(),
                Duration.ofSeconds(1));

        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(RunStartException.class,
                () -> target.start(new TestDocker.Runs(temp).shell("true", target.slots().getFirst(),
                        Duration.ofMinutes(1), TestDocker.options(TestDocker.BUSYBOX)), new RecordingListener()));

        assertThat(thrown.hostDown()).isTrue();
        assertThat(thrown).hasMessageStartingWith("Cannot reach the Docker daemon of host gone at unix://" + temp)
                .hasMessageEndingWith("check that dockerd runs and listens there.");
    }
}
