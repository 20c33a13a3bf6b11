package dev.groundwork.model.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.common.Refusal;
import dev.groundwork.model.execution.HostConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostBookTest {

    @TempDir
    Path dir;

    @Test
    void dockerHostsAreAddedDrainedAndRemovedAndKeptInTheSettingsFile() throws Exception {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            Files.writeString(tls.resolve(file), "pem");
        }
        try (SettingsStore settings = new SettingsStore(dir.resolve("settings.json"))) {
            HostBook book = new HostBook(settings);
            book.addDocker("workstation", "unix:///var/run/docker.sock", Optional.empty(), Optional.of(List.of(0, 1)), 2);
            book.addDocker("gpu-box", "tcp://10.0.0.5:2376", Optional.of(tls), Optional.empty(), 4);
            book.drain("gpu-box", true);
        }
        try (SettingsStore settings = new SettingsStore(dir.resolve("settings.json"))) {
            HostBook book = new HostBook(settings);
            assertThat(book.configured()).containsExactly(
                    new HostConfig("workstation", HostConfig.Kind.DOCKER, Optional.of("unix:///var/run/docker.sock"),
                            Optional.empty(), Optional.of(List.of(0, 1)), 2, false),
                    new HostConfig("gpu-box", HostConfig.Kind.DOCKER, Optional.of("tcp://10.0.0.5:2376"),
                            Optional.of(tls.toAbsolutePath()), Optional.empty(), 4, true));
            book.remove("workstation");
            assertThat(book.configured()).extracting(HostConfig::name).containsExactly("gpu-box");
        }
    }

    @Test
    void aMistakeIsRefusedWithASentenceAndNothingIsSaved() throws Exception {
        try (SettingsStore settings = new SettingsStore(dir.resolve("settings.json"))) {
            HostBook book = new HostBook(settings);
            book.addDocker("box", "unix:///var/run/docker.sock", Optional.empty(), Optional.empty(), 2);
            assertRefused(() -> book.addDocker("box", "unix:///x.sock", Optional.empty(), Optional.empty(), 1),
                    "There is already a host named box; choose another name, or remove that one first.");
            assertRefused(() -> book.addDocker("local", "unix:///x.sock", Optional.empty(), Optional.empty(), 1),
                    "There is already a host named local; choose another name, or remove that one first.");
            assertRefused(() -> book.addDocker("Big Box", "unix:///x.sock", Optional.empty(), Optional.empty(), 1),
                    "'Big Box' cannot name a host: use up to 40 lower-case letters, digits, '.', '_' or '-', starting"
                            + " with a letter or digit.");
            assertRefused(() -> book.addDocker("b", "http://x:2375", Optional.empty(), Optional.empty(), 1),
                    "'http://x:2375' is not a Docker endpoint: write unix:///path/to/docker.sock or tcp://HOST:PORT.");
            assertRefused(() -> book.addDocker("b", "tcp://x:2375", Optional.empty(), Optional.empty(), 1),
                    "A tcp:// Docker endpoint needs its TLS folder (ca.pem, cert.pem, key.pem): an open Docker port lets"
                            + " anyone on the network run code as root there.");
            assertRefused(() -> book.addDocker("b", "tcp://x:2376", Optional.of(dir), Optional.empty(), 1),
                    "The TLS folder " + dir + " has no ca.pem; it needs ca.pem, cert.pem and key.pem (the files"
                            + " `docker --tlsverify` uses).");
            assertRefused(() -> book.addDocker("b", "unix:///x.sock", Optional.empty(), Optional.of(List.of(0, 0)), 1),
                    "GPU ids are distinct numbers from 0, as nvidia-smi lists them; [0, 0] are not.");
            assertRefused(() -> book.drain("local", true), "local is this machine's processes, always there; it cannot"
                    + " be removed or drained (choose the docker target to run elsewhere).");
            assertRefused(() -> book.remove("nope"), "There is no host named nope; the hosts are box.");
            assertThat(book.configured()).extracting(HostConfig::name).containsExactly("box");
        }
    }

    private static void assertRefused(Runnable change, String sentence) {
        assertThatThrownBy(change::run).isInstanceOf(Refusal.class).hasMessage(sentence);
    }
}
