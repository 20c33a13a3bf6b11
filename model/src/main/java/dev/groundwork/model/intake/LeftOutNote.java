package dev.groundwork.model.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The sentence that tells a researcher what of their code stayed out of the baseline and how large data gets in. */
public final class LeftOutNote {

    private static final int NAMED = 8;

    private LeftOutNote() {}

    /** Empty when nothing was left out. */
    public static Optional<String> sentence(CodeSnapshot code, long mostBytes) {
        List<LeftOut> leftOut = code.leftOut();
        if (leftOut.isEmpty()) {
            return Optional.empty();
        }
        String named = leftOut.stream().limit(NAMED).map(item -> item.path() + " (" + reason(item, mostBytes) + ")")
                .collect(Collectors.joining(", "));
        StringBuilder sentence = new StringBuilder("Left out ").append(leftOut.size() == 1 ? "1 item" : leftOut.size()
                + " items").append(": ").append(named);
        if (leftOut.size() > NAMED) {
            sentence.append(" and ").append(leftOut.size() - NAMED).append(" more");
        }
        sentence.append('.');
        leftOut.stream().filter(item -> item.reason() == LeftOut.Reason.TOO_LARGE).findFirst().ifPresent(large -> {
            int slash = large.path().lastIndexOf('/');
            String folder = slash < 0 ? "" : large.path().substring(0, slash);
            String last = folder.substring(folder.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9_]", "_");
            String name = last.isEmpty() || last.equals("data") ? "dataset" : last;
            sentence.append(" Data stays out of the baseline: ").append(folder.isEmpty()
                    ? "move large files into a folder of their own and name it"
                    : "to give runs " + folder + "/, name it").append(" under run.data in groundwork.yaml, e.g. run: { data:"
                    + " { ").append(name).append(": ").append(code.origin().path().resolve(folder.isEmpty() ? "data" : folder))
                    .append(" } }; each run then reads it as data/").append(name).append(", linked, never copied.");
        });
        return Optional.of(sentence.toString());
    }

    private static String reason(LeftOut item, long mostBytes) {
        return item.reason() == LeftOut.Reason.TOO_LARGE
                ? size(item.bytes()) + ", over the " + size(mostBytes) + " limit"
                : item.reason().words();
    }

    public static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / (double) (1L << 10));
        }
        return bytes + " bytes";
    }
}
