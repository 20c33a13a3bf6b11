package dev.groundwork.model.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A line pattern whose named groups capture the step and the metrics, e.g.
 * {@code step:(?<step>\d+) val_loss:(?<val_loss>[\d.]+)}.
 *
 * <p>Researchers name groups after their metrics, underscores included, which Java's group names forbid. So
 * every named group {@code (?<name>…)} (or Python's {@code (?P<name>…)}) and back reference {@code \k<name>} is
 * renamed to {@code g1}, {@code g2}, … before compiling, outside escapes, {@code \Q…\E} quotes and character
 * classes; look-behinds {@code (?<=…)} and {@code (?<!…)} are left alone.
 */
public final class MetricRegex {

    public static final String STEP = "step";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String source;
    private final Pattern pattern;
    private final List<String> names;

    private MetricRegex(String source, Pattern pattern, List<String> names) {
        this.source = source;
        this.pattern = pattern;
        this.names = List.copyOf(names);
    }

    /**
     * Compiles a regex written with any group names.
     *
     * @throws PatternSyntaxException when it does not compile or names a group twice; its index points into
     *                                {@code regex} as written
     */
    public static MetricRegex compile(String regex) {
        Rewriter rewriter = new Rewriter(regex);
        String rewritten = rewriter.rewrite();
        try {
            return new MetricRegex(regex, Pattern.compile(rewritten), rewriter.names);
        } catch (PatternSyntaxException e) {
            throw new PatternSyntaxException(e.getDescription(), regex, rewriter.sourceIndex(e.getIndex()));
        }
    }

    /** The regex as written. */
    public String source() {
        return source;
    }

    /** The compiled pattern, its groups renamed to g1, g2, … in the order the names appear. */
    public Pattern pattern() {
        return pattern;
    }

    /** Every group name as written, in order. */
    public List<String> groupNames() {
        return names;
    }

    /** The group names other than {@value #STEP}: the metrics each matching line reports. */
    public List<String> metricNames() {
        return names.stream().filter(name -> !name.equals(STEP)).toList();
    }

    /**
     * Finds the pattern in a line (anywhere, not the whole line) and returns what each named group captured, by name
     * as written and in order; groups that did not take part are left out. Empty when the line does not match.
     */
    public Optional<Map<String, String>> match(String line) {
        Matcher m = pattern.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        Map<String, String> captured = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String text = m.group(javaName(i));
            if (text != null) {
                captured.put(names.get(i), text);
            }
        }
        return Optional.of(Collections.unmodifiableMap(captured));
    }

    private static String javaName(int index) {
        return "g" + (index + 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricRegex regex && regex.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }

    /** One pass over the regex that renames groups and remembers where, to map error positions back. */
    private static final class Rewriter {
        private final String source;
        private final StringBuilder out = new StringBuilder();
        private final List<String> names = new ArrayList<>();
        private final List<Edit> edits = new ArrayList<>();
        private int at;

        /** Text at [sourceStart, sourceEnd) of the source became text at [outStart, outEnd) of the output. */
        private record Edit(int sourceStart, int sourceEnd, int outStart, int outEnd) {}

        Rewriter(String source) {
            this.source = source;
        }

        String rewrite() {
            while (at < source.length()) {
                if (source.startsWith("\\Q", at)) {
                    int end = source.indexOf("\\E", at + 2);
                    copy(end < 0 ? source.length() : end + 2);
                } else if (source.startsWith("\\k<", at)) {
                    backReference();
                } else if (source.charAt(at) == '\\') {
                    copy(Math.min(at + 2, source.length()));
                } else if (source.charAt(at) == '[') {
                    characterClass();
                } else if (source.startsWith("(?<", at) || source.startsWith("(?P<", at)) {
                    namedGroup();
                } else {
                    copy(at + 1);
                }
            }
            return out.toString();
        }

        private void namedGroup() {
            int nameStart = source.indexOf('<', at) + 1;
            Matcher name = NAME.matcher(source).region(nameStart, source.length());
            // no name (a look-behind) or no closing '>': leave it to Pattern to accept or report
            if (!name.lookingAt() || !source.startsWith(">", name.end())) {
                copy(nameStart);
                return;
            }
            if (names.contains(name.group())) {
                throw new PatternSyntaxException("the group name " + name.group() + " is used twice", source, at);
            }
            names.add(name.group());
            replace(name.end() + 1, "(?<" + javaName(names.size() - 1) + ">");
        }

        private void backReference() {
            Matcher name = NAME.matcher(source).region(at + 3, source.length());
            if (name.lookingAt() && source.startsWith(">", name.end()) && names.contains(name.group())) {
                replace(name.end() + 1, "\\k<" + javaName(names.indexOf(name.group())) + ">");
            } else {
                copy(at + 3);
            }
        }

        /** Copies a class such as {@code [(?<x>]} whole, nested classes and escapes included. */
        private void characterClass() {
            int depth = 0;
            int i = at;
            do {
                char c = source.charAt(i++);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    depth++;
                    // like Pattern, read a ']' straight after '[' or '[^' as a literal
                    i += source.startsWith("^", i) ? 1 : 0;
                    i += source.startsWith("]", i) ? 1 : 0;
                } else if (c == ']') {
                    depth--;
                }
            } while (depth > 0 && i < source.length());
            copy(Math.min(i, source.length()));
        }

        private void copy(int end) {
            out.append(source, at, end);
            at = end;
        }

        private void replace(int sourceEnd, String text) {
            edits.add(new Edit(at, sourceEnd, out.length(), out.length() + text.length()));
            out.append(text);
            at = sourceEnd;
        }

        /** Maps a position in the output back to the source; inside a renamed group it is the group's start. */
        int sourceIndex(int outIndex) {
            int shift = 0;
            for (Edit edit : edits) {
                if (outIndex < edit.outStart) {
                    break;
                }
                if (outIndex < edit.outEnd) {
                    return edit.sourceStart;
                }
                shift = edit.sourceEnd - edit.outEnd;
            }
            return outIndex < 0 ? outIndex : outIndex + shift;
        }
    }
}
