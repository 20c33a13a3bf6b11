package dev.groundwork.runners.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt templates: the bundled ones in {@code groundwork/prompts/} (the resources module's {@code prompts/}), or a
 * user's copy of any of them in a folder of their own. A template has a system part and a user part, each starting with
 * its marker line ({@value #SYSTEM_MARKER}, {@value #USER_MARKER}); {@code {{name}}} is replaced by a value, and
 * {@code {{#name}} … {{/name}}} is kept only when the value of {@code name} is not empty.
 */
public final class PromptTemplates {

    public static final String SYSTEM_MARKER = "[[system]]";
    public static final String USER_MARKER = "[[user]]";
    public static final String IDEATOR_EXPLORE = "ideator-explore.md";
    public static final String IDEATOR_EXPLOIT = "ideator-exploit.md";
    public static final String IMPLEMENTER = "implementer.md";
    static final String BUNDLED_DIR = "groundwork/prompts/";

    /** The values each template may use. */
    static final Map<String, Set<String>> NAMES = Map.of(
            IDEATOR_EXPLORE, Set.of("study", "count", "avoid"),
            IDEATOR_EXPLOIT, Set.of("study", "count", "avoid", "exemplars"),
            IMPLEMENTER, Set.of("study", "title", "idea", "files", "parent_diffs", "previous_attempts",
                    "reviewer_comment", "run_failure"));

    private static final Pattern SECTION = Pattern.compile("(?s)\\{\\{#([a-z_]+)}}\\n?(.*?)\\{\\{/\\1}}\\n?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([#/]?)([a-z_]*)}}");

    private final Map<String, String> sources;

    private PromptTemplates(Map<String, String> sources) {
        this.sources = sources;
    }

    /** The templates that ship with Groundwork. */
    public static PromptTemplates bundled() {
        return load(Optional.empty());
    }

    /**
     * The bundled templates, each replaced by a file of the same name in {@code userDir} when there is one.
     *
     * @throws IllegalArgumentException a user's template is malformed (a sentence naming the file and the fix)
     */
    public static PromptTemplates load(Optional<Path> userDir) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : NAMES.keySet()) {
            String where = BUNDLED_DIR + name;
            String text = null;
            if (userDir.isPresent() && Files.isRegularFile(userDir.get().resolve(name))) {
                where = userDir.get().resolve(name).toString();
                try {
                    text = Files.readString(userDir.get().resolve(name));
                } catch (IOException e) {
                    throw new IllegalArgumentException("the prompt template " + where + " cannot be read ("
                            + e.getMessage() + "); fix it, or remove it to use the bundled one.");
                }
            }
            if (text == null) {
                text = bundledText(name);
            }
            check(name, where, text);
            sources.put(name, text.replace("\r\n", "\n"));
        }
        return new PromptTemplates(Map.copyOf(sources));
    }

    /** The template's text, to show the user. */
    public String source(String name) {
        String text = sources.get(name);
        if (text == null) {
            throw new IllegalArgumentException("no prompt template " + name);
        }
        return text;
    }

    /** Fills the template; names it does not use are ignored, and names it uses must all be given. */
    public LlmPrompt render(String name, Map<String, String> values) {
        String text = source(name);
        Matcher sections = SECTION.matcher(text);
        StringBuilder kept = new StringBuilder();
        while (sections.find()) {
            String value = values.get(sections.group(1));
            sections.appendReplacement(kept, Matcher.quoteReplacement(
                    value == null || value.isBlank() ? "" : sections.group(2)));
        }
        sections.appendTail(kept);
        // tidy the template, not the values: code keeps its whitespace
        String template = kept.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
        int system = template.indexOf(SYSTEM_MARKER);
        int user = template.indexOf(USER_MARKER);
        return new LlmPrompt(fill(name, template.substring(system + SYSTEM_MARKER.length(), user), values),
                fill(name, template.substring(user + USER_MARKER.length()), values));
    }

    private static String fill(String name, String template, Map<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholders.find()) {
            String value = values.get(placeholders.group(2));
            if (value == null) {
                throw new IllegalArgumentException("prompt template " + name + " needs a value for {{"
                        + placeholders.group(2) + "}}");
            }
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(value.strip()));
        }
        placeholders.appendTail(filled);
        return filled.toString().strip();
    }

    private static String bundledText(String name) {
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(BUNDLED_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_DIR + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(String name, String where, String text) {
        int system = text.indexOf(SYSTEM_MARKER);
        int user = text.indexOf(USER_MARKER);
        if (system < 0 || user < system) {
            throw new IllegalArgumentException("the prompt template " + where + " needs a line " + SYSTEM_MARKER
                    + " and, after it, a line " + USER_MARKER + "; add them, or remove the file to use the bundled one.");
        }
        Set<String> unknown = new TreeSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            if (!NAMES.get(name).contains(placeholders.group(2))) {
                unknown.add("{{" + placeholders.group(1) + placeholders.group(2) + "}}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the prompt template " + where + " uses " + String.join(", ", unknown)
                    + ", which Groundwork does not fill; use only " + String.join(", ", new TreeSet<>(NAMES.get(name)))
                    + ".");
        }
    }
}
