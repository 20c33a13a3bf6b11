package dev.groundwork.bench.patch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runs the git command line in a folder, with no user or system configuration, so results do not depend on them. */
public final class GitProcess {

    /** What git printed and how it exited. */
    public record Output(int exitCode, byte[] stdout, String stderr) {}

    private GitProcess() {}

    public static Output run(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        // Outside a repository git apply patches the folder itself; never let it find one further up.
        env.put("GIT_CEILING_DIRECTORIES", dir.toAbsolutePath().getParent().toString());
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        byte[] stdout = process.getInputStream().readAllBytes();
        try {
            return new Output(process.waitFor(), stdout, new String(stderr.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while git " + args[0] + " ran", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return e.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
