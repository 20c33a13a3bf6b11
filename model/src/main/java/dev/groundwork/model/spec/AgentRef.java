package dev.groundwork.model.spec;

import dev.groundwork.model.common.WireNames;
import java.util.Objects;
import java.util.Optional;

/**
 * Which agent plays a role: the offline {@code catalog}, or a model behind an OpenAI-compatible or Anthropic API,
 * written {@code openai:MODEL} or {@code anthropic:MODEL}.
 *
 * @param model the provider's model name; empty exactly for the catalog
 */
public record AgentRef(Kind kind, Optional<String> model) {

    public static final AgentRef CATALOG = new AgentRef(Kind.CATALOG, Optional.empty());

    public enum Kind { CATALOG, OPENAI, ANTHROPIC }

    public AgentRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        if ((kind == Kind.CATALOG) != model.isEmpty() || model.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("the catalog takes no model and every other agent needs one");
        }
    }

    /** Reads {@code catalog}, {@code openai:MODEL} or {@code anthropic:MODEL}; empty for anything else. */
    public static Optional<AgentRef> parse(String text) {
        if (text.equals(WireNames.of(Kind.CATALOG))) {
            return Optional.of(CATALOG);
        }
        int colon = text.indexOf(':');
        if (colon < 0 || text.substring(colon + 1).isBlank()) {
            return Optional.empty();
        }
        String provider = text.substring(0, colon);
        String model = text.substring(colon + 1); // may hold colons itself, e.g. llama3:8b on Ollama
        for (Kind kind : new Kind[] {Kind.OPENAI, Kind.ANTHROPIC}) {
            if (WireNames.of(kind).equals(provider)) {
                return Optional.of(new AgentRef(kind, Optional.of(model)));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return WireNames.of(kind) + model.map(name -> ":" + name).orElse("");
    }
}
