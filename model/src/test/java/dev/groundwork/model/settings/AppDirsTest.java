package dev.groundwork.model.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {

    private final Path home = Path.of("/home/ada");

    @Test
    void linuxFollowsXdgWithItsDefaults() {
        AppDirs dirs = AppDirs.forUser(Map.of(), "Linux", home);
        assertThat(dirs.config()).isEqualTo(Path.of("/home/ada/.config/groundwork"));
        assertThat(dirs.data()).isEqualTo(Path.of("/home/ada/.local/share/groundwork"));
        assertThat(dirs.cache()).isEqualTo(Path.of("/home/ada/.cache/groundwork"));
        assertThat(dirs.state()).isEqualTo(Path.of("/home/ada/.local/state/groundwork"));
        assertThat(dirs.demoStudy()).isEqualTo(Path.of("/home/ada/.local/share/groundwork/studies/demo"));
    }

    @Test
    void xdgVariablesWinWhenAbsoluteAndAreIgnoredWhenRelative() {
        AppDirs dirs = AppDirs.forUser(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "relative/data"), "Linux", home);
        assertThat(dirs.config()).isEqualTo(Path.of("/cfg/groundwork"));
        assertThat(dirs.data()).isEqualTo(Path.of("/home/ada/.local/share/groundwork"));
    }

    @Test
    void macOsAndWindowsUseTheirOwnFolders() {
        assertThat(AppDirs.forUser(Map.of(), "Mac OS X", home).config())
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Groundwork"));
        assertThat(AppDirs.forUser(Map.of("APPDATA", "/w/roaming", "LOCALAPPDATA", "/w/local"), "Windows 11", home).config())
                .isEqualTo(Path.of("/w/roaming/Groundwork"));
    }
}
