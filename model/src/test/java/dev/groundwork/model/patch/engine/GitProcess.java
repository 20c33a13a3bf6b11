package dev.groundwork.model.patch.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the git command line in a folder, with no user or system configuration, so results do not depend on them (the
 * bench module has its own copy for {@code bench patch}: the product's tests cannot see the workshop).
 */
final class GitProcess {

    /** What git printed and how it exited. */
    record Output(int exitCode, byte[] stdout, String stderr) {}

    private GitProcess() {}

    static Output run(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("groundwork-git", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        // Outside a repository git apply patches the folder itself; never let it find one further up.
        env.put("GIT_CEILING_DIRECTORIES", dir.toAbsolutePath().getParent().toString());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] stdout = process.getInputStream().readAllBytes();
            return new Output(process.waitFor(), stdout, Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while git " + args[0] + " ran", e);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
