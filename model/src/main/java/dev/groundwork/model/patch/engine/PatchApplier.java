package dev.groundwork.model.patch.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a parsed diff to a base, all or nothing. Sections apply in diff order on the text left by earlier ones, so a
 * model that writes two sections for one file gets both.
 */
final class PatchApplier {

    record Applied(List<FileReport> files, List<FileEdit> edits, List<String> notes) {
        boolean ok() {
            return files.stream().allMatch(FileReport::applied);
        }
    }

    private final FileApplier files;

    PatchApplier(ApplyOptions options) {
        this.files = new FileApplier(options);
    }

    Applied apply(ParsedPatch patch, BaseTree base) {
        Map<String, Optional<String>> original = new HashMap<>();
        Map<String, Optional<String>> current = new LinkedHashMap<>();
        Map<String, FileMode> modes = new HashMap<>();
        List<FileReport> reports = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (FilePatch file : patch.files()) {
            String path = file.path();
            Optional<String> before;
            try {
                before = current.containsKey(path) ? current.get(path) : base.read(path);
            } catch (IOException e) {
                reports.add(new FileReport(path, FileChange.MODIFIED, false, "could not read '" + path + "': "
                        + e.getMessage() + ".", List.of()));
                continue;
            }
            original.putIfAbsent(path, before);
            FileApplier.Result result = files.apply(file, before);
            reports.add(result.report());
            if (result.report().applied()) {
                current.put(path, Optional.ofNullable(result.content()));
                if (file.mode() != null) {
                    modes.put(path, file.mode());
                }
            }
            if (result.note() != null) {
                notes.add(result.note());
            }
        }
        List<FileEdit> edits = new ArrayList<>();
        current.forEach((path, after) -> {
            String was = original.get(path).orElse(null);
            String now = after.orElse(null);
            if (!Objects.equals(was, now) || modes.containsKey(path)) {
                edits.add(new FileEdit(path, was, now, modes.get(path)));
            }
        });
        Applied applied = new Applied(reports, edits, notes);
        return applied.ok() ? applied : new Applied(reports, List.of(), notes);
    }
}
