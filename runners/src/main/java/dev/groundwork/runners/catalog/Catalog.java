package dev.groundwork.runners.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A study's offline idea catalog, {@code ideas/catalog.yaml}: real ideas, each with a real diff against the baseline.
 * It lets the whole loop run with no API key, and gives tests and benchmarks ideas whose effect is known.
 */
public final class Catalog {

    public static final String FILE = "ideas/catalog.yaml";

    /** One idea of the catalog with its diff. */
    public record Entry(String key, String title, String text, String diff) {}

    private final List<Entry> entries;

    private Catalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The catalog of the study in {@code studyDir}; empty when the study has none. */
    public static Catalog load(Path studyDir) throws IOException {
        Path file = studyDir.resolve(FILE);
        if (!Files.exists(file)) {
            return new Catalog(List.of());
        }
        JsonNode root = new YAMLMapper().readTree(file.toFile());
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : root.path("ideas")) {
            String key = node.path("key").asText();
            Path diff = file.getParent().resolve(node.path("patch").asText(key + ".diff"));
            if (!Files.isRegularFile(diff)) {
                throw new IOException(FILE + ": the patch of idea '" + key + "' (" + diff.getFileName() + ") is missing.");
            }
            entries.add(new Entry(key, node.path("title").asText(key), unwrapped(node.path("text").asText("")),
                    Files.readString(diff)));
        }
        return new Catalog(entries);
    }

    /**
     * The text with the catalog file's hand wrapping undone, so that it flows in whatever width shows it: each
     * {@code [Section]} and each paragraph starts a line, the lines within one are joined with a space.
     */
    static String unwrapped(String text) {
        StringBuilder flowing = new StringBuilder();
        for (String line : text.strip().split("\\R")) {
            String trimmed = line.strip();
            boolean startsLine = trimmed.isEmpty() || trimmed.startsWith("[") || flowing.isEmpty()
                    || flowing.charAt(flowing.length() - 1) == '\n';
            if (!flowing.isEmpty()) {
                flowing.append(startsLine ? "\n" : " ");
            }
            flowing.append(trimmed);
        }
        return flowing.toString();
    }

    public static Catalog of(List<Entry> entries) {
        return new Catalog(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entry with this title, compared without case, spacing and punctuation. */
    public Optional<Entry> byTitle(String title) {
        String wanted = key(title);
        return entries.stream().filter(entry -> key(entry.title()).equals(wanted)).findFirst();
    }

    /**
     * The catalog entries a (possibly combined) title names: "A + B + C" → [A, B, C]; empty when any part is not in
     * the catalog.
     */
    public Optional<List<Entry>> components(String title) {
        List<Entry> parts = new ArrayList<>();
        for (String part : title.split(" \\+ ")) {
            Optional<Entry> entry = byTitle(part.strip());
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            parts.add(entry.get());
        }
        return Optional.of(parts);
    }

    static String key(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
