package dev.groundwork.model.patch.engine;

import java.util.List;

/**
 * A diff read into files and hunks.
 *
 * @param notes what the parser repaired or ignored (prose around the diff, wrong hunk counts, CR LF), for the report
 */
public record ParsedPatch(List<FilePatch> files, List<String> notes) {
    public ParsedPatch {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }
}
