package dev.groundwork.model.patch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Damages a clean git diff the way LLMs do, each kind on its own or all at once, from a seeded random source. */
enum LlmDamage {
    /** Every hunk header's two counts off by 1 to 5, up or down. */
    WRONG_COUNTS,
    /** Every hunk header's line numbers off by 1 to 20, up or down. */
    LINE_NUMBERS_OFF,
    /** Hunk headers without line numbers: {@code @@ ... @@}. */
    NO_LINE_NUMBERS,
    /** In every hunk, one context line as the model misremembers it (one character changed). */
    STALE_CONTEXT_LINE,
    /** The diff in a markdown fence between paragraphs of prose with bullet lists. */
    FENCED_WITH_PROSE,
    /**
     * Trailing whitespace stripped from 40% of context and removed lines (empty context lines lose their space), and
     * added to 20%; added lines are the model's own and stay as they are.
     */
    TRAILING_WHITESPACE,
    /** Every line ending CR LF. */
    CRLF,
    /** All of the above but missing line numbers (which leave nothing for wrong ones to damage). */
    ALL;

    private static final Pattern HEADER = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@(.*)$");

    String damage(String diff, Random random) {
        return switch (this) {
            case WRONG_COUNTS -> headers(diff, random, true, false);
            case LINE_NUMBERS_OFF -> headers(diff, random, false, true);
            case NO_LINE_NUMBERS -> map(diff, line -> HEADER.matcher(line).matches() ? "@@ ... @@" : line);
            case STALE_CONTEXT_LINE -> staleContext(diff, random);
            case FENCED_WITH_PROSE -> fenced(diff, random);
            case TRAILING_WHITESPACE -> whitespace(diff, random);
            case CRLF -> diff.replace("\n", "\r\n");
            case ALL -> CRLF.damage(FENCED_WITH_PROSE.damage(TRAILING_WHITESPACE.damage(STALE_CONTEXT_LINE.damage(
                    headers(diff, random, true, true), random), random), random), random);
        };
    }

    private static String headers(String diff, Random random, boolean counts, boolean numbers) {
        return map(diff, line -> {
            Matcher header = HEADER.matcher(line);
            if (!header.matches()) {
                return line;
            }
            int shift = numbers ? nonZero(random, 20) : 0;
            int oldCount = count(header.group(2)) + (counts ? nonZero(random, 5) : 0);
            int newCount = count(header.group(4)) + (counts ? nonZero(random, 5) : 0);
            return "@@ -" + Math.max(1, Integer.parseInt(header.group(1)) + shift) + "," + Math.max(0, oldCount) + " +"
                    + Math.max(1, Integer.parseInt(header.group(3)) + shift) + "," + Math.max(0, newCount) + " @@"
                    + header.group(5);
        });
    }

    private static String staleContext(String diff, Random random) {
        List<String> lines = new ArrayList<>(diff.lines().toList());
        List<Integer> context = new ArrayList<>();
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).startsWith("@@") || lines.get(i).startsWith("diff --git")) {
                if (!context.isEmpty()) {
                    int line = context.get(random.nextInt(context.size()));
                    lines.set(line, misremember(lines.get(line), random));
                }
                context.clear();
            } else if (lines.get(i).startsWith(" ") && !lines.get(i).isBlank()) {
                context.add(i);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String misremember(String line, Random random) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 1; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                letters.add(i);
            }
        }
        int at = letters.get(random.nextInt(letters.size()));
        char replacement = line.charAt(at) == 'x' ? 'y' : 'x';
        return line.substring(0, at) + replacement + line.substring(at + 1);
    }

    private static String fenced(String diff, Random random) {
        String fence = random.nextBoolean() ? "```diff" : "```";
        return "Here is the implementation of the idea. It changes the code as follows:\n\n"
                + "- keeps the public API unchanged\n- updates the documentation\n\n"
                + fence + "\n" + diff + "```\n\n"
                + "Notes:\n- Run the tests after applying.\n- Let me know if you want a different approach.\n";
    }

    private static String whitespace(String diff, Random random) {
        return map(diff, line -> {
            if (!(line.startsWith(" ") || line.startsWith("-") && !line.startsWith("---"))) {
                return line;
            }
            double roll = random.nextDouble();
            if (roll < 0.4) {
                String stripped = line.stripTrailing();
                return stripped.equals(" ") ? "" : stripped;
            }
            return roll < 0.6 ? line + (random.nextBoolean() ? "  " : "\t") : line;
        });
    }

    private static String map(String diff, java.util.function.UnaryOperator<String> change) {
        StringBuilder out = new StringBuilder();
        diff.lines().forEach(line -> out.append(change.apply(line)).append('\n'));
        return out.toString();
    }

    private static int count(String stated) {
        return stated == null ? 1 : Integer.parseInt(stated);
    }

    private static int nonZero(Random random, int most) {
        int value = 1 + random.nextInt(most);
        return random.nextBoolean() ? value : -value;
    }
}
