package dev.groundwork.model.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * One change to a scalar of {@code groundwork.yaml}: give the key at {@code path} a value, or remove it (which brings
 * back its default, or no limit for a budget).
 *
 * @param path  keys joined by dots, e.g. {@code gates.idea} or {@code budget.llm_usd}; mappings only, no list indexes
 * @param value the value as YAML reads it ({@code manual}, {@code 12}, {@code 2.5}); empty to remove the key
 */
public record SpecEdit(String path, Optional<String> value) {

    public SpecEdit {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        if (!path.matches("[a-z_]+(\\.[a-z_]+)*")) {
            throw new IllegalArgumentException("a spec path is snake_case keys joined by dots, not \"" + path + "\"");
        }
    }

    public static SpecEdit set(String path, String value) {
        return new SpecEdit(path, Optional.of(value));
    }

    public static SpecEdit remove(String path) {
        return new SpecEdit(path, Optional.empty());
    }

    /** The path's keys: {@code budget.llm_usd} gives budget and llm_usd. */
    String[] keys() {
        return path.split("\\.");
    }
}
