package dev.groundwork.views.settings;

import java.util.Objects;

/** What the Settings page needs from outside the views: the LLM providers and the execution hosts (the app's). */
public record SettingsPorts(LlmProviders providers, ExecutionHosts hosts) {

    /** Neither: the page shows the study's own settings and says the rest is not available here. */
    public static final SettingsPorts NONE = new SettingsPorts(LlmProviders.NONE, ExecutionHosts.NONE);

    public SettingsPorts {
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(hosts, "hosts");
    }
}
