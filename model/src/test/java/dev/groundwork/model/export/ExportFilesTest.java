package dev.groundwork.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFilesTest {

    @TempDir
    Path temp;

    @Test
    void aFileIsReplacedWholeAndAFailedWriteLeavesTheOldOneAndNoPartBehind() throws IOException {
        Path csv = temp.resolve("exports").resolve("health.csv");
        ExportFiles.write(csv, out -> out.write("epoch\n0\n"));
        assertThat(csv).hasContent("epoch\n0\n");

        assertThatThrownBy(() -> ExportFiles.write(csv, out -> {
            out.write("epoch\n1\n");
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(csv).as("the file before, whole").hasContent("epoch\n0\n");
        try (var left = Files.list(csv.getParent())) {
            assertThat(left).containsExactly(csv);
        }
    }

    @Test
    void anExportIsMadeAsAnyNewFileIsNotReadableByItsOwnerAlone() throws IOException {
        Path plain = Files.writeString(temp.resolve("plain.txt"), "x"); // as the user's umask makes a file
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getPosixFilePermissions(plain).size() > 2,
                "a umask that lets others read what the user makes, or the test cannot tell the two apart");
        Path csv = ExportFiles.write(temp.resolve("rewards.csv"), out -> out.write("x"));

        assertThat(Files.getPosixFilePermissions(csv)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
