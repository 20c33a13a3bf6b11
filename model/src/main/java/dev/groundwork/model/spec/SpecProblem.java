package dev.groundwork.model.spec;

import java.util.Objects;

/**
 * One mistake in a spec file, as a researcher reads it: {@code groundwork.yaml:7:12: run.timeout: '10x' is not a
 * duration; write a number followed by s, m or h, e.g. 10m.}
 *
 * @param file    the file as named relative to the study folder
 * @param line    1-based; 0 when the problem is the file as a whole (it is missing or unreadable)
 * @param column  1-based; 0 with {@code line}
 * @param field   the key's path, e.g. {@code run.timeout} or {@code baseline.editable[1]}; empty for the document
 * @param message one sentence: what is wrong and what is allowed
 */
public record SpecProblem(String file, int line, int column, String field, String message) {

    public SpecProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: field: message}, leaving out what is not known. */
    public String formatted() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }

    @Override
    public String toString() {
        return formatted();
    }
}
