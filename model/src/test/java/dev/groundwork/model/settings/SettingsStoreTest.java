package dev.groundwork.model.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void changesAreSavedDebouncedAtomicallyAndReadableOnlyByTheUser() throws Exception {
        Path file = dir.resolve("config/settings.json");
        try (SettingsStore store = new SettingsStore(file)) {
            IntStream.range(0, 15).forEach(i -> store.update(s -> s.withRecent(dir.resolve("study-" + i))));
            store.update(s -> s.withTheme("dark"));
            assertThat(file).as("nothing written within the debounce window").doesNotExist();
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (SettingsStore reloaded = new SettingsStore(file)) {
            assertThat(reloaded.get().theme()).isEqualTo("dark");
            assertThat(reloaded.get().recentStudies()).hasSize(AppSettings.MAX_RECENT)
                    .first().isEqualTo(dir.resolve("study-14").toString());
        }
        assertThat(Files.list(file.getParent())).hasSize(1);
    }

    @Test
    void providerSettingsWrittenByTheUserSurviveASave() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {"theme": "light", "recentStudies": [],
                 "providers": {"openai": {"base_url": "http://127.0.0.1:11434/v1", "max_tokens": 8192}}}""");
        try (SettingsStore store = new SettingsStore(file)) {
            store.update(s -> s.withTheme("dark"));
        }
        String saved = Files.readString(file);
        assertThat(saved).contains("\"theme\" : \"dark\"").contains("\"base_url\" : \"http://127.0.0.1:11434/v1\"")
                .contains("\"max_tokens\" : 8192");
    }

    @Test
    void whatAnotherGroundworkSavedIsReadBeforeAChangeNotOverwritten() throws Exception {
        Path file = dir.resolve("settings.json");
        try (SettingsStore window = new SettingsStore(file); SettingsStore terminal = new SettingsStore(file)) {
            window.update(s -> s.withTheme("dark"));
            window.flush();
            Thread.sleep(20); // a later modification time than the window's save, on any file system
            terminal.update(s -> s.withHosts(java.util.List.of(new HostEntry("gpu-box", "docker",
                    "unix:///run/docker.sock", null, null, 2, null))));
            terminal.flush();
            assertThat(window.get().hosts()).as("the window sees the host the terminal added")
                    .extracting(HostEntry::name).containsExactly("gpu-box");
            assertThat(terminal.get().theme()).isEqualTo("dark");
            window.update(s -> s.withTheme("light"));
        }
        try (SettingsStore reloaded = new SettingsStore(file)) {
            assertThat(reloaded.get().theme()).isEqualTo("light");
            assertThat(reloaded.get().hosts()).extracting(HostEntry::name).containsExactly("gpu-box");
        }
    }

    @Test
    void theReviewQueueHiddenIsRememberedAndKeptWhenProvidersAreSaved() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {"theme": "dark", "recentStudies": []}""");
        try (SettingsStore store = new SettingsStore(file)) {
            assertThat(store.get().reviewQueueHidden()).as("a file from before it existed").isFalse();
            store.update(s -> s.withReviewQueueHidden(true));
        }
        try (SettingsStore store = new SettingsStore(file)) {
            assertThat(store.get().reviewQueueHidden()).isTrue();
            store.update(s -> s.withProviders(new ObjectMapper().createObjectNode()
                    .put("openai", "x")).withTheme("light").withRecent(dir));
        }
        try (SettingsStore store = new SettingsStore(file)) {
            assertThat(store.get().reviewQueueHidden()).isTrue();
            assertThat(store.get().providers().get("openai").asText()).isEqualTo("x");
        }
    }

    @Test
    void anUnreadableFileIsKeptAsideAndDefaultsAreUsed() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");
        try (SettingsStore store = new SettingsStore(file)) {
            assertThat(store.get()).isEqualTo(AppSettings.defaults());
        }
        assertThat(dir.resolve("settings.json.broken")).hasContent("{ not json");
    }
}
