package dev.groundwork.model.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's settings, kept as JSON in the config dir. Providers and hosts join this record as those features land.
 *
 * @param theme         "light" or "dark"
 * @param recentStudies most recent first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSettings(String theme, List<String> recentStudies) {

    public static final int MAX_RECENT = 10;

    public AppSettings {
        theme = "dark".equals(theme) ? "dark" : "light";
        recentStudies = recentStudies == null ? List.of() : List.copyOf(recentStudies);
    }

    public static AppSettings defaults() {
        return new AppSettings("light", List.of());
    }

    public AppSettings withTheme(String newTheme) {
        return new AppSettings(newTheme, recentStudies);
    }

    /** Puts {@code study} first in the recent list, dropping an older entry for it and the oldest beyond the limit. */
    public AppSettings withRecent(Path study) {
        String entry = study.toAbsolutePath().normalize().toString();
        List<String> recent = new ArrayList<>();
        recent.add(entry);
        recentStudies.stream().filter(path -> !path.equals(entry)).limit(MAX_RECENT - 1).forEach(recent::add);
        return new AppSettings(theme, recent);
    }
}
