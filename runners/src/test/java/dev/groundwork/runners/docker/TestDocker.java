package dev.groundwork.runners.docker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.groundwork.model.execution.ContainerOptions;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.Slot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The Docker daemon the tests run against: the one {@code GROUNDWORK_TEST_DOCKER} names (./run-tests starts a private
 * one as root, see scripts/test-docker.sh), with the test images that script puts there. Without it the Docker tests
 * are skipped with a sentence that says so.
 */
final class TestDocker {

    static final String ENDPOINT_VARIABLE = "GROUNDWORK_TEST_DOCKER";
    static final String BUSYBOX = "groundwork-test/busybox:latest";
    static final String PYTHON = "groundwork-test/python:3-numpy";

    private TestDocker() {}

    /** The test daemon's endpoint; skips the test when none is given. */
    static String endpoint() {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        assumeTrue(endpoint != null && !endpoint.isBlank() && !endpoint.equals("off"), "No test Docker daemon: set "
                + ENDPOINT_VARIABLE + "=unix:///path/docker.sock or run ./run-tests as root, which starts one.");
        return endpoint;
    }

    /** A Docker host on the test daemon with two CPU slots, or the GPU ids given. */
    static HostConfig host(String name, List<Integer> gpus) {
        return new HostConfig(name, HostConfig.Kind.DOCKER, Optional.of(endpoint()), Optional.empty(),
                gpus.isEmpty() ? Optional.empty() : Optional.of(gpus), 2, false);
    }

    /** Skips the test when {@code image} is not on the daemon (the harness could not build it: no root, no mirror). */
    static void requireImage(DockerClient docker, String image) {
        boolean present;
        try {
            docker.inspectImageCmd(image).exec();
            present = true;
        } catch (NotFoundException e) {
            present = false;
        }
        assumeTrue(present, "Image " + image + " is not on the test daemon: scripts/test-docker.sh images "
                + endpoint() + " puts it there.");
    }

    static ContainerOptions options(String image) {
        return new ContainerOptions(image, "none", OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.empty(),
                "1000:1000", List.of(), Map.of());
    }

    /** Study-like folders for runs: {@code STUDY/runs/<id>/workspace} holding {@code files}, and its log file. */
    static final class Runs {
        private final Path study;
        private long nextId = 1;

        Runs(Path study) {
            this.study = study;
        }

        RunLaunch launch(List<String> command, Map<String, String> files, Slot slot, Duration timeout,
                         ContainerOptions options) throws IOException {
            long id = nextId++;
            Path runDir = study.resolve("runs").resolve(String.valueOf(id));
            Path workspace = Files.createDirectories(runDir.resolve("workspace"));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = workspace.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            return new RunLaunch(id, workspace, command, Map.of("GW_TEST", "yes"), timeout, slot,
                    runDir.resolve("log.txt"), "study-" + study.getFileName(), Optional.of(options));
        }

        /** {@code sh run.sh} with {@code script} as run.sh. */
        RunLaunch shell(String script, Slot slot, Duration timeout, ContainerOptions options) throws IOException {
            return launch(List.of("sh", "run.sh"), Map.of("run.sh", script), slot, timeout, options);
        }
    }
}
