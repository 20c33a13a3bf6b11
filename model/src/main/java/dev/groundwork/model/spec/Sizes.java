package dev.groundwork.model.spec;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the spec's sizes: a whole number of bytes, or with k, m, g or t (powers of 1024), e.g. {@code 512m}, {@code 8g}. */
public final class Sizes {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})([kmgt]?)b?");

    private Sizes() {}

    public static OptionalLong parse(String text) {
        Matcher m = FORMAT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return OptionalLong.of(Long.parseLong(m.group(1)) << shift);
    }
}
