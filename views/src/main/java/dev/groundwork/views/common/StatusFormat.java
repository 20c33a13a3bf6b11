package dev.groundwork.views.common;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns {@code StudyStatus} numbers into the short text the pages show. */
public final class StatusFormat {

    /** Between items of a list on one line; it never starts a wrapped line. */
    public static final String SEPARATOR = "\u00a0· ";

    private static final String TOTAL = "total";

    private StatusFormat() {}

    /** The "total" entry, or the sum of the statuses when a store left it out. */
    public static int total(Map<String, Integer> counts) {
        Integer total = counts.get(TOTAL);
        return total != null ? total : counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The non-zero statuses in the model's order, e.g. "3 proposed · 9 implemented"; "none yet" when there are none. A
     * count and its status are joined by a no-break space so that wrapped text never splits them.
     */
    public static String breakdown(Map<String, Integer> counts) {
        String text = counts.entrySet().stream()
                .filter(e -> !e.getKey().equals(TOTAL) && e.getValue() > 0)
                .map(e -> e.getValue() + "\u00a0" + e.getKey())
                .collect(Collectors.joining(SEPARATOR));
        return text.isEmpty() ? "none yet" : text;
    }

    public static int count(Map<String, Integer> counts, String status) {
        return counts.getOrDefault(status, 0);
    }

    /** A reward: at most four decimals, no trailing zeros, a point as separator. */
    public static String decimal(double value) {
        return format("0.####", value);
    }

    /** GPU hours: at most two decimals. */
    public static String hours(double value) {
        return format("0.##", value);
    }

    /** Rounds as the CLI's {@code String.format} does (on the shortest decimal form), so window and terminal agree. */
    private static String format(String pattern, double value) {
        int decimals = pattern.length() - pattern.indexOf('.') - 1;
        // Trailing zeros stripped by hand: a DecimalFormat and a BigDecimal per call cost the tables' cells (on the FX
        // thread) more than the formatting itself.
        String rounded = String.format(Locale.ROOT, "%." + decimals + "f", value);
        int end = rounded.length();
        if (rounded.indexOf('.') >= 0) {
            while (rounded.charAt(end - 1) == '0') {
                end--;
            }
            if (rounded.charAt(end - 1) == '.') {
                end--;
            }
        }
        String shortest = rounded.substring(0, end);
        return shortest.equals("-0") ? "0" : shortest;
    }

    /** Cents for real money, four decimals for the fractions of a dollar that LLM calls cost. */
    public static String usd(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 1 || value == 0 ? "$%.2f" : "$%.4f", value);
    }
}
