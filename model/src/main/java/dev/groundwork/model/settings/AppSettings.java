package dev.groundwork.model.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's settings, kept as JSON in the config dir.
 *
 * @param theme             "light" or "dark"
 * @param recentStudies     most recent first
 * @param providers         LLM provider settings (docs/llm.md), kept as written: the LLM adapters read them, and saving
 *                          the theme or the recent list must never drop them
 * @param reviewQueueHidden whether the Review page's list of patches is hidden (q), so that the code has its width
 * @param hosts             the Docker hosts runs may go to (this machine's processes are always a host, named local)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppSettings(String theme, List<String> recentStudies, JsonNode providers, boolean reviewQueueHidden,
                          List<HostEntry> hosts) {

    public static final int MAX_RECENT = 10;

    public AppSettings {
        theme = "dark".equals(theme) ? "dark" : "light";
        recentStudies = recentStudies == null ? List.of() : List.copyOf(recentStudies);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    public static AppSettings defaults() {
        return new AppSettings("light", List.of(), null, false, List.of());
    }

    public AppSettings withTheme(String newTheme) {
        return new AppSettings(newTheme, recentStudies, providers, reviewQueueHidden, hosts);
    }

    public AppSettings withProviders(JsonNode newProviders) {
        return new AppSettings(theme, recentStudies, newProviders, reviewQueueHidden, hosts);
    }

    public AppSettings withReviewQueueHidden(boolean hidden) {
        return new AppSettings(theme, recentStudies, providers, hidden, hosts);
    }

    public AppSettings withHosts(List<HostEntry> newHosts) {
        return new AppSettings(theme, recentStudies, providers, reviewQueueHidden, newHosts);
    }

    /** Puts {@code study} first in the recent list, dropping an older entry for it and the oldest beyond the limit. */
    public AppSettings withRecent(Path study) {
        String entry = study.toAbsolutePath().normalize().toString();
        List<String> recent = new ArrayList<>();
        recent.add(entry);
        recentStudies.stream().filter(path -> !path.equals(entry)).limit(MAX_RECENT - 1).forEach(recent::add);
        return new AppSettings(theme, recent, providers, reviewQueueHidden, hosts);
    }
}
