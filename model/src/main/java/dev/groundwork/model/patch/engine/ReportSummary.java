package dev.groundwork.model.patch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes an apply report as one paragraph: the implementer reads it on its next attempt, the reviewer in the app. */
final class ReportSummary {

    private static final int MOST_LISTED = 6;

    private ReportSummary() {}

    static String of(ApplyReport report) {
        return switch (report.verdict()) {
            case REJECTED -> "Rejected, so nothing changed. " + sentences(report.problems());
            case FAILED -> failed(report);
            case APPLIED -> applied(report);
        };
    }

    private static String applied(ApplyReport report) {
        String files = report.files().stream().map(file -> "'" + file.path() + "' (" + switch (file.change()) {
            case CREATED -> "created";
            case DELETED -> "deleted";
            case MODIFIED -> Plural.of(file.hunks().size(), "hunk");
        } + ")").collect(Collectors.joining(", "));
        List<String> deviations = new ArrayList<>();
        for (FileReport file : report.files()) {
            for (HunkReport hunk : file.hunks()) {
                deviation(file.path(), hunk).ifPresent(deviations::add);
            }
        }
        StringBuilder summary = new StringBuilder("Applied to ")
                .append(Plural.of(report.files().size(), "file")).append(": ").append(files).append('.');
        if (!deviations.isEmpty()) {
            summary.append(' ').append(sentences(listed(deviations)));
        }
        if (!report.notes().isEmpty()) {
            summary.append(" Repairs: ").append(String.join("; ", report.notes())).append('.');
        }
        return summary.toString();
    }

    private static Optional<String> deviation(String path, HunkReport hunk) {
        String where = "hunk " + hunk.number() + " of '" + path + "'";
        String moved = hunk.offset() != null && hunk.offset() != 0
                ? " at line " + hunk.line() + " (its header says " + hunk.statedLine() + ")" : "";
        if (hunk.status() == HunkStatus.APPLIED_WITH_FUZZ) {
            List<String> forgiven = new ArrayList<>();
            if (hunk.whitespaceIgnored()) {
                forgiven.add("trailing whitespace");
            }
            if (!hunk.ignoredContext().isEmpty()) {
                forgiven.add("context " + String.join(", ", hunk.ignoredContext()));
            }
            return Optional.of(where + " applied" + moved + " ignoring " + String.join(" and ", forgiven));
        }
        if (hunk.status() == HunkStatus.APPLIED_WITH_OFFSET) {
            return Optional.of(where + " applied" + moved);
        }
        if (hunk.statedLine() == null) {
            return Optional.of(where + " has no line numbers and applied at line " + hunk.line());
        }
        return Optional.empty();
    }

    private static String failed(ApplyReport report) {
        List<String> failures = new ArrayList<>();
        int applied = 0;
        for (FileReport file : report.files()) {
            if (file.error() != null) {
                failures.add(file.error());
            }
            for (HunkReport hunk : file.hunks()) {
                if (hunk.status() == HunkStatus.FAILED) {
                    failures.add(hunk.error());
                } else {
                    applied++;
                }
            }
        }
        String rest = applied == 0 ? "" : " The other " + Plural.of(applied, "hunk") + " applied; send the whole "
                + "diff again with the failing parts fixed.";
        return "Did not apply, so nothing changed. " + sentences(listed(failures)) + rest;
    }

    private static List<String> listed(List<String> items) {
        if (items.size() <= MOST_LISTED) {
            return items;
        }
        List<String> shown = new ArrayList<>(items.subList(0, MOST_LISTED));
        shown.add("and " + (items.size() - MOST_LISTED) + " more like these");
        return shown;
    }

    private static String sentences(List<String> parts) {
        return parts.stream().map(ReportSummary::sentence).collect(Collectors.joining(" "));
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        String capitalised = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }
}
