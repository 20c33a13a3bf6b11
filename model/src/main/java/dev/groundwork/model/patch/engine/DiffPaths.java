package dev.groundwork.model.patch.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** File names in diff headers: git's C-style quoting, {@code a/} {@code b/} prefixes, timestamps, {@code /dev/null}. */
final class DiffPaths {

    static final String DEV_NULL = "/dev/null";

    private DiffPaths() {}

    /** The path in a {@code ---} or {@code +++} line (after the marker); null for {@code /dev/null}. */
    static String fromFileHeader(String rest) {
        String name = rest.strip();
        if (name.startsWith("\"")) {
            name = unquote(name);
        } else {
            int tab = name.indexOf('\t'); // diff -u appends a tab and a timestamp
            name = (tab >= 0 ? name.substring(0, tab) : name).strip();
        }
        return name.equals(DEV_NULL) ? null : normalize(name);
    }

    /** The two paths of a {@code diff --git a/X b/Y} line (after {@code diff --git }); nulls when it is unclear. */
    static String[] fromGitHeader(String rest) {
        String line = rest.strip();
        if (line.startsWith("\"")) {
            int end = closingQuote(line);
            String second = line.substring(end + 1).strip();
            return new String[] {normalize(unquote(line.substring(0, end + 1))),
                    normalize(second.startsWith("\"") ? unquote(second) : second)};
        }
        // "a/P b/P": split where both halves name the same file, else at the last " b/".
        for (int split = line.indexOf(' '); split >= 0; split = line.indexOf(' ', split + 1)) {
            String first = normalize(line.substring(0, split));
            String second = normalize(line.substring(split + 1));
            if (first.equals(second)) {
                return new String[] {first, second};
            }
        }
        int split = line.lastIndexOf(" b/");
        return split < 0 ? new String[] {null, null}
                : new String[] {normalize(line.substring(0, split)), normalize(line.substring(split + 1))};
    }

    /**
     * Drops git's {@code a/} or {@code b/} prefix and a leading {@code ./}. A top-level folder really named {@code a}
     * or {@code b} is therefore out of reach; research code rarely has one, and LLMs mix prefixed and bare names.
     */
    static String normalize(String name) {
        String path = name;
        if (path.startsWith("a/") || path.startsWith("b/")) {
            path = path.substring(2);
        }
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }

    private static int closingQuote(String line) {
        for (int i = 1; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '"') {
                return i;
            }
        }
        return line.length() - 1;
    }

    /** Git quotes names with unusual characters: {@code "a/caf\303\251.py"}; octal escapes are UTF-8 bytes. */
    static String unquote(String quoted) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int end = closingQuote(quoted);
        for (int i = 1; i < end; i++) {
            char c = quoted.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char escaped = quoted.charAt(++i);
            if (escaped >= '0' && escaped <= '7' && i + 2 < end) {
                bytes.write(Integer.parseInt(quoted.substring(i, i + 3), 8));
                i += 2;
            } else {
                bytes.write(switch (escaped) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'a' -> 7;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'v' -> 11;
                    default -> escaped;
                });
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
