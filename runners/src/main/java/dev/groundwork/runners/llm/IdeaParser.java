package dev.groundwork.runners.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ideas out of an ideator's answer. First the method's blocks — {@code [Title] …}, optionally
 * {@code [Builds On] #12, #15}, {@code [Experiment] … [Code Changes] … [End]} — tolerating bold or heading markup,
 * {@code Experiment:} instead of {@code [Experiment]}, a missing {@code [End]}, and a title given as a heading or not at
 * all (then the experiment's first words); then, when no block is found, JSON: an array of objects, or an object with
 * an {@code ideas} array, with fields such as title, experiment, code_changes, builds_on.
 */
final class IdeaParser {

    /** One idea as the model wrote it; {@code text} is in the method's format. */
    record ParsedIdea(String title, String text, List<Long> buildsOn) {}

    private static final int MAX_TITLE = 150;
    private static final Pattern COLON_LABEL = Pattern.compile("(?im)^[ \\t>#*_-]*(?:\\*\\*|__)?"
            + "(title|builds on|based on|experiment|code changes?)(?:\\*\\*|__)?[ \\t]*:[ \\t]*(?:\\*\\*|__)?");
    private static final Pattern MARKER = Pattern.compile("(?i)(?:\\*\\*|__)?\\[\\s*(title|builds\\s+on|based\\s+on"
            + "|parents|experiment|code\\s+changes?|end)\\s*](?:\\*\\*|__)?[ \\t]*:?(?:\\*\\*|__)?[ \\t]*");
    private static final Pattern HEADING = Pattern.compile("^(?:#{1,6}\\s*|\\*\\*|__|\\d+[.)]\\s+|idea\\s*#?\\d+\\s*[:.)-])"
            + ".*", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRONG_HEADING = Pattern.compile("^(?:#{1,6}\\s*.*|\\*\\*[^*]+\\*\\*:?|__[^_]+__:?"
            + "|idea\\s*#?\\d+\\s*[:.)-].*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IDEA_NUMBER = Pattern.compile("^(?:idea\\s*#?\\d+\\s*[:.)-]\\s*|\\d+[.)]\\s+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("#?\\s*(\\d+)");
    /** An answer that opens with a JSON object or array (not a [Title] marker), fenced or not. */
    private static final Pattern LOOKS_LIKE_JSON = Pattern.compile("\\s*(?:```(?:json)?\\s*)?(?:\\{|\\[\\s*[{\\]])");
    private static final Set<String> TRAILING = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "with", "by",
            "and", "or", "at", "from", "that", "which", "so");
    private static final Pattern FENCE = Pattern.compile("(?s)```[a-zA-Z]*\\s*\\n(.*?)```");

    private final ObjectMapper json = new ObjectMapper();

    List<ParsedIdea> parse(String answer) {
        String text = HttpLlmClient.withoutThinking(answer).replace("\r\n", "\n");
        if (LOOKS_LIKE_JSON.matcher(text).lookingAt()) {
            List<ParsedIdea> ideas = fromJson(text);
            if (!ideas.isEmpty()) {
                return ideas;
            }
        }
        List<ParsedIdea> blocks = blocks(text);
        return blocks.isEmpty() ? fromJson(text) : blocks;
    }

    private List<ParsedIdea> blocks(String answer) {
        String text = COLON_LABEL.matcher(answer).replaceAll(match -> Matcher.quoteReplacement("[" + match.group(1) + "] "));
        Matcher markers = MARKER.matcher(text);
        List<ParsedIdea> ideas = new ArrayList<>();
        Draft draft = new Draft();
        boolean found = markers.find();
        String gap = found ? text.substring(0, markers.start()) : "";
        while (found) {
            String label = markers.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            int valueStart = markers.end();
            found = markers.find();
            String value = text.substring(valueStart, found ? markers.start() : text.length());
            switch (label) {
                case "title" -> {
                    draft.finishInto(ideas, gap);
                    draft = new Draft();
                    draft.title = value.strip().lines().findFirst().orElse("");
                    gap = "";
                }
                case "builds on", "based on", "parents" -> draft.buildsOn = value.strip().lines().findFirst().orElse("");
                case "experiment" -> {
                    if (draft.experiment != null) {
                        // a new idea without [End] or [Title]: its heading, if any, ends the previous idea's text
                        String heading = draft.takeTrailingHeading();
                        draft.finishInto(ideas, gap);
                        draft = new Draft();
                        gap = heading;
                    }
                    draft.experiment = value;
                }
                case "code change", "code changes" -> draft.code = value;
                case "end" -> {
                    draft.finishInto(ideas, gap);
                    draft = new Draft();
                    gap = value;
                }
                default -> { }
            }
        }
        draft.finishInto(ideas, gap);
        return ideas;
    }

    private final class Draft {
        String title;
        String buildsOn;
        String experiment;
        String code;

        void finishInto(List<ParsedIdea> ideas, String gap) {
            if (experiment == null || clean(experiment).isEmpty()) {
                return;
            }
            String exp = clean(experiment);
            String changes = code == null ? "" : clean(code);
            String name = title != null && !cleanTitle(title).isEmpty() ? cleanTitle(title) : headingIn(gap, exp);
            ideas.add(new ParsedIdea(name, format(exp, changes), numbers(buildsOn)));
        }

        /** Removes a final markdown heading, bold line or "Idea N" line from the last field, and returns it. */
        String takeTrailingHeading() {
            boolean inCode = code != null;
            String field = inCode ? code : experiment;
            List<String> lines = new ArrayList<>(field.strip().lines().toList());
            if (lines.size() < 2 || !STRONG_HEADING.matcher(lines.getLast().strip()).matches()) {
                return "";
            }
            String heading = lines.removeLast();
            String rest = String.join("\n", lines);
            if (inCode) {
                code = rest;
            } else {
                experiment = rest;
            }
            return heading;
        }
    }

    /** The last heading-like line of the prose before an untitled idea, or the experiment's first words. */
    private static String headingIn(String gap, String experiment) {
        List<String> lines = gap.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (!lines.isEmpty()) {
            String last = lines.getLast();
            if (HEADING.matcher(last).matches()) {
                String title = cleanTitle(IDEA_NUMBER.matcher(cleanTitle(last)).replaceFirst(""));
                if (!title.isEmpty()) {
                    return title;
                }
            }
        }
        String sentence = experiment.split("(?<=[.!?])\\s|\\n", 2)[0];
        List<String> words = new ArrayList<>(List.of(sentence.split("\\s+")));
        if (words.size() <= 12) {
            return cleanTitle(sentence);
        }
        words = new ArrayList<>(words.subList(0, 12));
        while (words.size() > 1 && TRAILING.contains(words.getLast().toLowerCase(Locale.ROOT))) {
            words.removeLast();
        }
        return cleanTitle(String.join(" ", words)) + "…";
    }

    static String format(String experiment, String codeChanges) {
        return "[Experiment] " + experiment + (codeChanges.isEmpty() ? "" : "\n[Code Changes] " + codeChanges)
                + "\n[End]";
    }

    private static String clean(String value) {
        String text = value.strip();
        // trailing separators and markup between blocks
        text = text.replaceAll("(?s)(\\n\\s*(-{3,}|\\*{3,}|_{3,}|```)\\s*)+$", "").strip();
        text = text.replaceAll("^(\\*\\*|__)|(\\*\\*|__)$", "").strip();
        return text;
    }

    private static String cleanTitle(String raw) {
        String title = raw.strip().replaceAll("^#+\\s*", "").replaceAll("[*_`]{2,}", "").replaceAll("^[\"'“]+|[\"'”]+$", "")
                .strip();
        title = title.replaceAll("[:.;,]+$", "").strip();
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE - 1).strip() + "…";
        }
        return title;
    }

    private static List<Long> numbers(String text) {
        if (text == null) {
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            try {
                ids.add(Long.parseLong(matcher.group(1)));
            } catch (NumberFormatException ignored) {
                // not an id
            }
        }
        return List.copyOf(ids);
    }

    // ---- JSON fallback

    private List<ParsedIdea> fromJson(String text) {
        List<String> candidates = new ArrayList<>();
        Matcher fences = FENCE.matcher(text);
        while (fences.find()) {
            candidates.add(fences.group(1));
        }
        candidates.add(text);
        int arrayStart = text.indexOf('[');
        int arrayEnd = text.lastIndexOf(']');
        if (arrayStart >= 0 && arrayEnd > arrayStart) {
            candidates.add(text.substring(arrayStart, arrayEnd + 1));
        }
        int objectStart = text.indexOf('{');
        int objectEnd = text.lastIndexOf('}');
        if (objectStart >= 0 && objectEnd > objectStart) {
            candidates.add(text.substring(objectStart, objectEnd + 1));
        }
        for (String candidate : candidates) {
            JsonNode root;
            try {
                root = json.readTree(candidate.strip());
            } catch (Exception notJson) {
                continue;
            }
            List<ParsedIdea> ideas = fromJsonNode(root);
            if (!ideas.isEmpty()) {
                return ideas;
            }
        }
        return List.of();
    }

    private List<ParsedIdea> fromJsonNode(JsonNode root) {
        if (root == null) {
            return List.of();
        }
        JsonNode list = root;
        if (root.isObject()) {
            JsonNode ideas = field(root, "ideas", "experiments", "proposals", "items");
            list = ideas != null ? ideas : root;
        }
        List<ParsedIdea> result = new ArrayList<>();
        if (list.isObject()) {
            single(list).ifPresent(result::add);
        } else if (list.isArray()) {
            for (JsonNode item : list) {
                if (item.isObject()) {
                    single(item).ifPresent(result::add);
                }
            }
        }
        return result;
    }

    private java.util.Optional<ParsedIdea> single(JsonNode item) {
        String title = text(field(item, "title", "name"));
        String experiment = text(field(item, "experiment", "description", "hypothesis", "idea", "text", "summary"));
        String code = text(field(item, "codechanges", "codechange", "code", "changes", "implementation"));
        List<Long> buildsOn = new ArrayList<>();
        JsonNode parents = field(item, "buildson", "basedon", "parents");
        if (parents != null) {
            if (parents.isArray()) {
                parents.forEach(parent -> buildsOn.addAll(numbers(parent.asText())));
            } else {
                buildsOn.addAll(numbers(parents.asText()));
            }
        }
        if (experiment.contains("[Experiment]") || experiment.contains("[experiment]")) {
            List<ParsedIdea> inner = blocks((title.isEmpty() ? "" : "[Title] " + title + "\n") + experiment);
            if (!inner.isEmpty()) {
                ParsedIdea first = inner.getFirst();
                return java.util.Optional.of(new ParsedIdea(first.title(), first.text(), List.copyOf(buildsOn)));
            }
        }
        if (experiment.isBlank()) {
            return java.util.Optional.empty();
        }
        String exp = clean(experiment);
        String name = title.isBlank() ? headingIn("", exp) : cleanTitle(title);
        return java.util.Optional.of(new ParsedIdea(name, format(exp, clean(code)), List.copyOf(buildsOn)));
    }

    /** The first field whose name, in lower case without punctuation, is one of {@code names}. */
    private static JsonNode field(JsonNode object, String... names) {
        for (String name : names) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").equals(name)) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(part -> parts.add(part.isValueNode() ? part.asText() : part.toString()));
            return String.join("\n", parts);
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
