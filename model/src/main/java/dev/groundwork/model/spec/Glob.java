package dev.groundwork.model.spec;

import java.util.regex.Pattern;

/**
 * A file pattern relative to the baseline folder, with '/' between folders: {@code *} matches within one folder,
 * {@code ?} one character and {@code **} any number of folders. Unlike Java's own glob syntax, {@code **} followed by
 * '/' also matches no folder at all, as in .gitignore, so the default editable pattern covers {@code train.py} too.
 */
public final class Glob {

    private final String pattern;
    private final Pattern regex;

    private Glob(String pattern) {
        this.pattern = pattern;
        this.regex = Pattern.compile(toRegex(pattern));
    }

    public static Glob of(String pattern) {
        return new Glob(pattern);
    }

    public boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    public String pattern() {
        return pattern;
    }

    private static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            if (glob.startsWith("**/", i)) {
                out.append("(?:.*/)?");
                i += 3;
            } else if (glob.startsWith("**", i)) {
                out.append(".*");
                i += 2;
            } else {
                char c = glob.charAt(i++);
                out.append(switch (c) {
                    case '*' -> "[^/]*";
                    case '?' -> "[^/]";
                    default -> Pattern.quote(String.valueOf(c));
                });
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && glob.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
