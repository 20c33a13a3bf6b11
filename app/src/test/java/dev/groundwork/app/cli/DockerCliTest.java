package dev.groundwork.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.runners.docker.DebianRootfs;
import dev.groundwork.runners.docker.DockerClients;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI with a Docker host in the settings: a study's runs in containers score as they do on this machine, and
 * `image build` loads the cached root file system onto the hosts. Against the test daemon GROUNDWORK_TEST_DOCKER names
 * (./run-tests starts one as root), with the images scripts/test-docker.sh puts there.
 */
class DockerCliTest {

    private static final String PYTHON = "groundwork-test/python:3-numpy";
    private static final String BUSYBOX = "groundwork-test/busybox:latest";
    private static final String MINIMAL_IMAGE = "groundwork/minimal:py3-numpy";

    @TempDir
    Path temp;
    private DockerClients clients;

    @AfterEach
    void removeTheStudyImage() throws Exception {
        if (clients != null) {
            try {
                docker().removeImageCmd(MINIMAL_IMAGE).withForce(true).exec();
            } catch (NotFoundException e) {
                // the test never made it
            }
            clients.close();
        }
    }

    @Test
    void aStudyRunOnADockerHostScoresAsItDoesOnThisMachine() throws Exception {
        requireImage(PYTHON);
        docker().tagImageCmd(PYTHON, "groundwork/minimal", "py3-numpy").withForce().exec();
        CliRunner cli = withDockerHost();
        Path inDocker = temp.resolve("in-docker");
        Path local = temp.resolve("local");
        assertThat(cli.run("new", inDocker.toString(), "--template", "minimal").exitCode()).isZero();
        assertThat(cli.run("new", local.toString(), "--template", "minimal").exitCode()).isZero();

        CliRunner.Outcome docker = cli.run("run", inDocker.toString(), "--target", "docker", "--host", "d",
                "--epochs", "1", "--ideas-per-epoch", "2", "--auto-approve");
        CliRunner.Outcome here = cli.run("run", local.toString(), "--epochs", "1", "--ideas-per-epoch", "2",
                "--auto-approve");

        assertThat(docker.exitCode()).as(docker.err()).isZero();
        assertThat(here.exitCode()).as(here.err()).isZero();
        List<String> inContainers = rewards(cli, inDocker);
        assertThat(inContainers).hasSize(3).allSatisfy(row -> assertThat(row).endsWith(",d"));
        assertThat(inContainers).extracting(row -> row.substring(0, row.lastIndexOf(',')))
                .containsExactlyElementsOf(rewards(cli, local).stream()
                        .map(row -> row.substring(0, row.lastIndexOf(','))).toList());
    }

    @Test
    void imageBuildLoadsTheCachedRootFileSystemOntoTheHostUnderTheSpecsImage() throws Exception {
        requireImage(BUSYBOX);
        CliRunner cli = withDockerHost();
        cacheARootFileSystem(cli.dirs().cache());
        Path study = temp.resolve("s");
        assertThat(cli.run("new", study.toString(), "--template", "minimal").exitCode()).isZero();

        CliRunner.Outcome built = cli.run("image", "build", study.toString());

        assertThat(built.exitCode()).as(built.err()).isZero();
        assertThat(built.err()).contains("Using the cached root file system").contains("Loading " + MINIMAL_IMAGE
                + " onto d (");
        String id = docker().inspectImageCmd(MINIMAL_IMAGE).exec().getId();
        assertThat(built.out()).isEqualTo("Image " + MINIMAL_IMAGE + " is on d (" + id + ").\n");
    }

    @Test
    void imageBuildRefusesAHostThatIsNotInTheSettingsAndASpecWithoutAnImage() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path study = temp.resolve("s");
        assertThat(cli.run("new", study.toString(), "--template", "minimal").exitCode()).isZero();

        CliRunner.Outcome unknown = cli.run("image", "build", study.toString(), "--host", "nowhere");
        Files.writeString(study.resolve("groundwork.yaml"), Files.readString(study.resolve("groundwork.yaml"))
                .replaceAll("(?m)^  image: .*\n", ""));
        CliRunner.Outcome noImage = cli.run("image", "build", study.toString());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("groundwork: No Docker host is named nowhere; the settings have none.\n");
        assertThat(noImage.exitCode()).isEqualTo(2);
        assertThat(noImage.err()).isEqualTo("groundwork: " + study.resolve("groundwork.yaml") + " names no run.image:"
                + " add one (e.g. image: groundwork/charlm:py3-numpy) and run this again.\n");
    }

    private CliRunner withDockerHost() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Files.createDirectories(cli.dirs().config());
        Files.writeString(cli.dirs().settingsFile(), "{\"hosts\": [{\"name\": \"d\", \"kind\": \"docker\", \"endpoint\": \""
                + endpoint() + "\", \"slots\": 2}]}");
        return cli;
    }

    /** Each run's reward and host, in run order: {@code reward,host}. */
    private static List<String> rewards(CliRunner cli, Path study) {
        CliRunner.Outcome csv = cli.run("export", study.toString(), "--format", "csv", "--what", "runs");
        List<String> rows = csv.out().lines().skip(1).toList();
        return rows.stream().map(row -> {
            String[] cells = row.split(",", -1);
            return cells[0] + "," + cells[3] + "," + cells[5];
        }).toList();
    }

    /** The busybox test image's files, as `image build` caches a root file system: a gzipped tar. */
    private void cacheARootFileSystem(Path cacheDir) throws Exception {
        Path tarball = DebianRootfs.ofThisMachine().cached(cacheDir);
        Files.createDirectories(tarball.getParent());
        String container = docker().createContainerCmd(BUSYBOX).withCmd("true").exec().getId();
        try (InputStream rootfs = docker().exportContainerCmd(container).exec();
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(tarball))) {
            rootfs.transferTo(out);
        } finally {
            docker().removeContainerCmd(container).withForce(true).exec();
        }
    }

    private DockerClient docker() throws Exception {
        if (clients == null) {
            clients = new DockerClients();
        }
        return clients.connect(new HostConfig("d", HostConfig.Kind.DOCKER, Optional.of(endpoint()), Optional.empty(),
                Optional.empty(), 1, false)).commands();
    }

    private void requireImage(String image) throws Exception {
        boolean present;
        try {
            docker().inspectImageCmd(image).exec();
            present = true;
        } catch (NotFoundException e) {
            present = false;
        }
        assumeTrue(present, "Image " + image + " is not on the test daemon: scripts/test-docker.sh images "
                + endpoint() + " puts it there.");
    }

    private static String endpoint() {
        String endpoint = System.getenv("GROUNDWORK_TEST_DOCKER");
        assumeTrue(endpoint != null && !endpoint.isBlank() && !endpoint.equals("off"), "No test Docker daemon: set"
                + " GROUNDWORK_TEST_DOCKER=unix:///path/docker.sock or run ./run-tests as root, which starts one.");
        return endpoint;
    }
}
