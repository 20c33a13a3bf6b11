package dev.groundwork.model.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The apply report stored with a patch: {@code {"summary": "...", "changed_files": [...], "engine": {...}}} — the
 * sentence the implementer and the reviewer read, the paths pre-flight compiles, and the engine's per-hunk detail.
 */
public final class ApplyReports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApplyReports() {}

    public static String write(String summary, List<String> changedFiles, JsonNode engine) {
        ObjectNode root = JSON.createObjectNode();
        root.put("summary", summary);
        changedFiles.forEach(root.putArray("changed_files")::add);
        root.set("engine", engine);
        return root.toString();
    }

    public static String summary(String report) {
        JsonNode node = read(report);
        return node.path("summary").asText("");
    }

    public static List<String> changedFiles(String report) {
        List<String> files = new ArrayList<>();
        read(report).path("changed_files").forEach(file -> files.add(file.asText()));
        return files;
    }

    private static JsonNode read(String report) {
        if (report == null || report.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(report);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode().put("summary", report);
        }
    }
}
