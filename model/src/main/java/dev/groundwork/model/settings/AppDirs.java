package dev.groundwork.model.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Groundwork keeps its own files: settings in the config dir, the demo study in the data dir, image and wheel
 * caches in the cache dir, the log in the state dir. XDG on Linux, the platform's equivalents on macOS and Windows.
 */
public record AppDirs(Path config, Path data, Path cache, Path state) {

    private static final String APP = "groundwork";

    /** The folders for this user, from the environment, the OS name and the home folder. */
    public static AppDirs forUser(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            Path support = home.resolve("Library/Application Support/Groundwork");
            return new AppDirs(support, support, home.resolve("Library/Caches/Groundwork"), home.resolve("Library/Logs/Groundwork"));
        }
        if (os.contains("win")) {
            Path roaming = env.containsKey("APPDATA") ? Path.of(env.get("APPDATA")) : home.resolve("AppData/Roaming");
            Path local = env.containsKey("LOCALAPPDATA") ? Path.of(env.get("LOCALAPPDATA")) : home.resolve("AppData/Local");
            return new AppDirs(roaming.resolve("Groundwork"), local.resolve("Groundwork"),
                    local.resolve("Groundwork/Cache"), local.resolve("Groundwork/Logs"));
        }
        return new AppDirs(
                xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")),
                xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")),
                xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")),
                xdg(env, "XDG_STATE_HOME", home.resolve(".local/state")));
    }

    /** XDG says a relative value is invalid and must be ignored. */
    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        Path base = value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
        return base.resolve(APP);
    }

    /** The demo study, created on first launch. */
    public Path demoStudy() {
        return data.resolve("studies/demo");
    }

    public Path settingsFile() {
        return config.resolve("settings.json");
    }

    public Path logDir() {
        return state;
    }
}
