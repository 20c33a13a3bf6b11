package dev.groundwork.runners.docker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second Docker daemon of a test's own (started by scripts/test-docker.sh, so with the same network flags as the
 * main test daemon), which the test may kill, restart or give TLS. Needs root; a test without it is skipped.
 */
final class PrivateDaemon implements AutoCloseable {

    private static final Path SCRIPT = Path.of("..", "scripts", "test-docker.sh").toAbsolutePath().normalize();

    private final Path dir;
    private final List<String> args;

    private PrivateDaemon(Path dir, List<String> args) {
        this.dir = dir;
        this.args = List.copyOf(args);
    }

    /** Starts a daemon with its folders under {@code dir}; skips the test when this is not root. */
    static PrivateDaemon start(Path dir, String... extraArgs) throws IOException {
        assumeTrue(isRoot(), "Starting a second Docker daemon needs root; run ./run-tests as root.");
        assumeTrue(Files.isExecutable(SCRIPT), SCRIPT + " is missing.");
        PrivateDaemon daemon = new PrivateDaemon(dir, List.of(extraArgs));
        daemon.launch();
        return daemon;
    }

    String socket() {
        return "unix://" + dir.resolve("docker.sock");
    }

    /** Kills the daemon as a crash would (SIGKILL): its containers go on under containerd, unseen. */
    void kill() throws Exception {
        long pid = Long.parseLong(Files.readString(dir.resolve("dockerd.pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);
    }

    /** Starts the daemon again on the same folders. */
    void restart() throws IOException {
        launch();
    }

    /** Copies {@code image} from {@code from} (the main test daemon) onto this one. */
    void load(DockerClient from, DockerClient to, String image) throws IOException {
        try (InputStream saved = from.saveImageCmd(image).exec()) {
            to.loadImageCmd(saved).exec();
        }
    }

    @Override
    public void close() throws IOException {
        run(List.of(SCRIPT.toString(), "stop", dir.toString()));
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "start", dir.toString()));
        command.addAll(args);
        run(command);
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " was interrupted", e);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
