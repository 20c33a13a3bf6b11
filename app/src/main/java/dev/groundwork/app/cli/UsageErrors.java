package dev.groundwork.app.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Picocli's parse errors ("Unmatched argument at index 0", "Missing required argument (specify one of these)") as one
 * Groundwork sentence that names the command, what it wanted, and where its help is.
 */
final class UsageErrors {

    private UsageErrors() {}

    static String sentence(ParameterException e) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        String help = " (see `" + name + " --help`).";
        return switch (e) {
            case CommandLine.UnmatchedArgumentException unmatched -> unmatched(unmatched, command, name) + help;
            case CommandLine.MissingParameterException missing -> missing(missing, name) + help;
            case CommandLine.MutuallyExclusiveArgsException exclusive ->
                    "`" + name + "` takes only one of " + exclusiveGroup(command) + help;
            default -> e.getMessage().replaceAll("[.\\s]+$", "") + help;
        };
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException e, CommandLine command, String name) {
        String first = e.getUnmatched().getFirst();
        java.util.Collection<String> candidates = first.startsWith("-")
                ? command.getCommandSpec().optionsMap().keySet() : command.getSubcommands().keySet();
        List<String> suggestions = candidates.stream().filter(candidate -> close(first, candidate)).sorted().toList();
        String guess = suggestions.isEmpty() ? "" : "; did you mean " + quoted(suggestions) + "?";
        boolean atTop = command.getParent() == null;
        if (atTop && !first.startsWith("-")) {
            return "'" + first + "' is not a Groundwork command" + (guess.isEmpty()
                    ? "; the commands are " + String.join(", ", command.getSubcommands().keySet()) : guess);
        }
        if (first.startsWith("-")) {
            return "`" + name + "` has no option " + first + guess;
        }
        return "`" + name + "` does not take '" + String.join(" ", e.getUnmatched()) + "'" + guess;
    }

    private static String missing(CommandLine.MissingParameterException e, String name) {
        List<String> wanted = e.getMissing().stream().map(UsageErrors::describe).toList();
        if (e.getMessage().contains("specify one of these")) {
            return "`" + name + "` needs one of " + oneOf(wanted);
        }
        return "`" + name + "` needs " + String.join(" and ", wanted);
    }

    /** The options of the command's exclusive group, e.g. "--idea ID, --patch ID or --all". */
    private static String exclusiveGroup(CommandLine command) {
        return command.getCommandSpec().argGroups().stream().filter(group -> group.exclusive())
                .map(group -> oneOf(group.allOptionsNested().stream().map(UsageErrors::describe).toList()))
                .findFirst().orElse("its options");
    }

    private static String describe(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            String label = option.typeInfo().isBoolean() ? "" : " " + option.paramLabel();
            return option.longestName() + label;
        }
        return arg.paramLabel();
    }

    private static String oneOf(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + items.getLast();
    }

    /** Only a near miss is worth a "did you mean" (picocli's own suggestions go as far as 'frobnicate' → 'status'). */
    private static boolean close(String typed, String suggestion) {
        return distance(typed, suggestion) <= Math.max(2, suggestion.length() / 4);
    }

    /** Levenshtein distance; two short strings, so the plain table is fine. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String quoted(List<String> items) {
        return oneOf(items.stream().map(item -> "'" + item + "'").toList());
    }
}
