package dev.groundwork.model.patch.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.groundwork.model.common.WireNames;
import java.util.List;

/**
 * The engine's structured result: stored as JSON with the patch, and told as one paragraph to a person or a model.
 *
 * @param problems why the diff was rejected before applying (empty unless {@code verdict} is {@code rejected})
 * @param notes    what the engine repaired on the way (fences and prose, hunk counts, line endings)
 */
public record ApplyReport(Verdict verdict, List<String> problems, List<String> notes, List<FileReport> files) {

    public enum Verdict {
        APPLIED, FAILED, REJECTED;

        @JsonValue
        public String wireName() {
            return WireNames.of(this);
        }

        @JsonCreator
        public static Verdict fromWire(String wire) {
            return WireNames.parse(Verdict.class, wire);
        }
    }

    public ApplyReport {
        problems = problems == null ? List.of() : List.copyOf(problems);
        notes = notes == null ? List.of() : List.copyOf(notes);
        files = files == null ? List.of() : List.copyOf(files);
    }

    static ApplyReport rejected(List<String> problems, List<String> notes) {
        return new ApplyReport(Verdict.REJECTED, problems, notes, List.of());
    }

    /** One paragraph: what applied where, what was repaired, or what failed and why. */
    public String summary() {
        return ReportSummary.of(this);
    }

    public String toJson() {
        return ReportJson.write(this);
    }

    public static ApplyReport fromJson(String json) {
        return ReportJson.read(json);
    }
}
