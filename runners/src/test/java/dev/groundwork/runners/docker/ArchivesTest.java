package dev.groundwork.runners.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tars that carry a workspace into a container and its artifacts out. */
class ArchivesTest {

    @TempDir
    Path dir;

    @Test
    void aWorkspaceGoesInUnderItsFolderOwnedByTheRunsUserWithItsModesAndLinks() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Files.writeString(Files.createDirectories(workspace.resolve("data")).resolve("corpus.txt"), "text");
        Path script = Files.writeString(workspace.resolve("run.sh"), "echo hi");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(workspace.resolve("latest"), Path.of("data/corpus.txt"));

        Map<String, TarArchiveEntry> entries = entries(workspace, "1234:99");

        assertThat(entries).containsOnlyKeys("workspace/", "workspace/data/", "workspace/data/corpus.txt",
                "workspace/run.sh", "workspace/latest");
        assertThat(entries.values()).allSatisfy(entry -> {
            assertThat(entry.getLongUserId()).isEqualTo(1234);
            assertThat(entry.getLongGroupId()).isEqualTo(99);
        });
        assertThat(entries.get("workspace/run.sh").getMode() & 0777).isEqualTo(0750);
        assertThat(entries.get("workspace/latest").getLinkName()).isEqualTo("data/corpus.txt");
        assertThat(entries.get("workspace/data/corpus.txt").getSize()).isEqualTo(4);
    }

    @Test
    void aUserGivenByNameGetsAWorkspaceEveryoneMayWrite() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Files.writeString(workspace.resolve("train.py"), "pass");

        Map<String, TarArchiveEntry> entries = entries(workspace, "researcher");

        assertThat(entries.get("workspace/").getMode() & 0777).isEqualTo(0777);
        assertThat(entries.get("workspace/train.py").getMode() & 0666).isEqualTo(0666);
    }

    @Test
    void artifactsAreUnpackedIntoTheRunsFolderAndNeverOutsideIt() throws IOException {
        Path into = Files.createDirectories(dir.resolve("runs/1/artifacts"));

        int files = ArtifactArchive.extract(tar(Map.of("out/", "", "out/result.txt", "0.42")), into);

        assertThat(files).isEqualTo(1);
        assertThat(into.resolve("out/result.txt")).hasContent("0.42");
        assertThatThrownBy(() -> ArtifactArchive.extract(tar(Map.of("../../escaped.txt", "x")), into))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the run's artifacts folder");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    private static Map<String, TarArchiveEntry> entries(Path workspace, String user) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkspaceArchive.write(workspace, user, out);
        Map<String, TarArchiveEntry> entries = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), entry);
            }
        }
        return entries;
    }

    private static ByteArrayInputStream tar(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
                if (!file.getKey().endsWith("/")) {
                    entry.setSize(bytes.length);
                }
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
