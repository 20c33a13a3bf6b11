package dev.groundwork.runners.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A study's offline idea catalog, {@code ideas/catalog.yaml}: real ideas, each with a real diff against the baseline.
 * It lets the whole loop run with no API key, and gives tests and benchmarks ideas whose effect is known.
 */
public final class Catalog {

    public static final String FILE = "ideas/catalog.yaml";

    /** What joins the names of a combination's components in its title. */
    static final String JOIN = " + ";

    /**
     * One idea of the catalog with its diff.
     *
     * @param label a few characters naming what the idea changes ("ctx10", "clip"): combinations are titled by their
     *              components' labels, so that a table tells them apart where long titles would all start alike
     */
    public record Entry(String key, String label, String title, String text, String diff) {}

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
            String title = node.path("title").asText(key);
            entries.add(new Entry(key, node.path("short").asText(key.isBlank() ? title : key).strip(), title,
                    unwrapped(node.path("text").asText("")), Files.readString(diff)));
        }
        checkNames(entries);
        return new Catalog(entries);
    }

    /** Every title and short label names one idea only, and none holds the " + " that joins a combination's names. */
    private static void checkNames(List<Entry> entries) throws IOException {
        Map<String, Entry> named = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.label().contains(JOIN.strip()) || entry.title().contains(JOIN)) {
                throw new IOException(FILE + ": idea '" + entry.key() + "' has a '+' in its title or short label, which"
                        + " joins the names of combined ideas; remove it.");
            }
            for (String name : List.of(entry.title(), entry.label())) {
                Entry other = named.putIfAbsent(key(name), entry);
                if (other != null && other != entry) {
                    throw new IOException(FILE + ": ideas '" + other.key() + "' and '" + entry.key() + "' are both named"
                            + " \"" + name + "\"; give each its own title and short label.");
                }
            }
        }
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

    /** The entry with this title or short label, compared without case, spacing and punctuation. */
    public Optional<Entry> byName(String name) {
        String wanted = key(name);
        return entries.stream().filter(entry -> key(entry.title()).equals(wanted) || key(entry.label()).equals(wanted))
                .findFirst();
    }

    /**
     * The catalog entries a (possibly combined) title names: "A + B + C" → [A, B, C], each part a title or a short label
     * (studies made before short labels hold combinations of full titles); empty when any part is not in the catalog.
     */
    public Optional<List<Entry>> components(String title) {
        List<Entry> parts = new ArrayList<>();
        for (String part : title.split(" \\+ ")) {
            Optional<Entry> entry = byName(part.strip());
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            parts.add(entry.get());
        }
        return Optional.of(parts);
    }

    /** The title of a combination: its components' short labels, "ctx10 + clip + momentum". */
    static String combinationTitle(List<Entry> parts) {
        return String.join(JOIN, parts.stream().map(Entry::label).toList());
    }

    /**
     * What an idea is, for telling whether it was tried: the set of catalog entries its title names, whichever names
     * and order it uses; else its title compared without case, spacing and punctuation.
     */
    String identity(String title) {
        return components(title).map(Catalog::identity).orElseGet(() -> key(title));
    }

    static String identity(List<Entry> parts) {
        return "catalog:" + String.join("+", parts.stream().map(entry -> key(entry.title())).sorted().toList());
    }

    static String key(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
