package dev.groundwork.runners.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an image's root file system comes from, and what a failed debootstrap tells the researcher. */
class DebianRootfsTest {

    @TempDir
    Path apt;

    @Test
    void theMirrorIsTheFirstOfAptsSourcesThatIsNotTheSecurityArchive() throws Exception {
        Files.createDirectories(apt.resolve("sources.list.d"));
        Files.writeString(apt.resolve("sources.list.d/debian.sources"), """
                Types: deb
                URIs: http://deb.debian.org/debian-security
                Suites: bookworm-security

                Types: deb
                URIs: http://mirror.example/debian
                Suites: bookworm bookworm-updates
                """);

        assertThat(AptSources.mirror(apt)).hasValue("http://mirror.example/debian");
    }

    @Test
    void theOneLineFormatWithOptionsIsReadToo() throws Exception {
        Files.writeString(apt.resolve("sources.list"), """
                # a comment
                deb [arch=amd64 signed-by=/usr/share/keyrings/k.gpg] http://ftp.example/debian bookworm main
                """);

        assertThat(AptSources.mirror(apt)).hasValue("http://ftp.example/debian");
        assertThat(AptSources.mirror(apt.resolve("nowhere"))).isEmpty();
    }

    @Test
    void aMirrorDebootstrapCannotReachIsASentenceThatSaysSo() {
        DebianRootfs rootfs = new DebianRootfs("bookworm", "http://unreachable.example/debian");

        String sentence = rootfs.failure(List.of("I: Retrieving InRelease",
                "E: Failed getting release file http://unreachable.example/debian/dists/bookworm/Release"));

        assertThat(sentence).isEqualTo("debootstrap could not reach the Debian mirror http://unreachable.example/debian"
                + " (Failed getting release file http://unreachable.example/debian/dists/bookworm/Release): check the"
                + " network, or name a mirror you can reach with --mirror URL.");
        assertThat(rootfs.cached(Path.of("/c"))).isEqualTo(Path.of("/c/images/debian-bookworm-python3-numpy.rootfs.tar.gz"));
    }
}
