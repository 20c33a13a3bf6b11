package dev.groundwork.views.newstudy;

import dev.groundwork.model.intake.CodeSnapshot;
import dev.groundwork.model.intake.LeftOutNote;
import dev.groundwork.model.intake.PlanCheck;
import dev.groundwork.model.intake.SourceFile;
import dev.groundwork.model.intake.StudyPlan;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Step 2: each file of the code editable, kept, protected or left out (per file or per folder), the detected proposal
 * preset; the size of what the implementer will see, and a warning when it would not fit the implementer model's
 * context.
 */
public final class FilesStepViewModel {

    /**
     * The context assumed for the implementer model, in tokens: the study's agents are chosen later (Settings), and
     * today's implementer models hold at least this much.
     */
    public static final long CONTEXT_TOKENS = 128_000;
    /** Characters per token, the usual estimate for code and English. */
    public static final int CHARS_PER_TOKEN = 4;

    private final PlanCheck check;
    private final ReadOnlyObjectWrapper<FileNode> root = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper leftOutNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper();
    private CodeSnapshot code;
    private StudyPlan detected;

    FilesStepViewModel(PlanCheck check) {
        this.check = check;
    }

    /** Shows {@code code} with the detected plan's editable and protected files preset; every other file kept. */
    void load(CodeSnapshot code, StudyPlan plan) {
        this.code = code;
        this.detected = plan;
        Set<String> editable = Set.copyOf(plan.editable());
        Set<String> guarded = Set.copyOf(plan.protectedPaths());
        FileNode top = FileNode.folder(code.origin().path().getFileName() == null ? "/"
                : code.origin().path().getFileName().toString(), "");
        Map<String, FileNode> folders = new HashMap<>();
        folders.put("", top);
        for (SourceFile file : code.files()) {
            FileRole role = editable.contains(file.path()) ? FileRole.EDITABLE
                    : guarded.contains(file.path()) ? FileRole.PROTECTED : FileRole.KEPT;
            FileNode node = FileNode.file(file.name(), file.path(), file.content().length,
                    file.text().isPresent(), role);
            node.roleProperty().addListener((o, old, now) -> update());
            folderOf(file.path(), folders).add(node);
        }
        leftOutNote.set(LeftOutNote.sentence(code, dev.groundwork.model.intake.CodeReader.DEFAULT_MOST_BYTES)
                .orElse(""));
        root.set(top);
        update();
    }

    private static FileNode folderOf(String path, Map<String, FileNode> folders) {
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        FileNode folder = folders.get(parent);
        if (folder == null) {
            folder = FileNode.folder(parent.substring(parent.lastIndexOf('/') + 1), parent);
            folderOf(parent, folders).add(folder);
            folders.put(parent, folder);
        }
        return folder;
    }

    /** The code's tree; null until code was read. */
    public ReadOnlyObjectProperty<FileNode> rootProperty() {
        return root.getReadOnlyProperty();
    }

    /** Why the step cannot go on; empty when it can. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** What the implementer will see: files, size, estimated tokens. */
    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    /** Said when the editable files would not fit the implementer's context; empty otherwise. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** What the reader left out by itself (environments, caches, large data) and how to give runs data. */
    public ReadOnlyStringProperty leftOutNoteProperty() {
        return leftOutNote.getReadOnlyProperty();
    }

    /** Counts changes of any file's role, so that a test run of other files is known to be stale. */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    public List<String> editable() {
        return paths(FileRole.EDITABLE);
    }

    public List<String> protectedPaths() {
        return paths(FileRole.PROTECTED);
    }

    public Set<String> leftOut() {
        return new LinkedHashSet<>(paths(FileRole.LEFT_OUT));
    }

    /** The code as the study will hold it: without the files left out. */
    public CodeSnapshot code() {
        return code == null ? null : code.without(leftOut());
    }

    private List<String> paths(FileRole role) {
        return root.get() == null ? List.of() : root.get().files().stream()
                .filter(file -> file.roleProperty().get() == role).map(FileNode::path).toList();
    }

    private void update() {
        changes.set(changes.get() + 1);
        List<FileNode> editable = root.get().files().stream()
                .filter(file -> file.roleProperty().get() == FileRole.EDITABLE).toList();
        long chars = editable.stream().mapToLong(file -> code.file(file.path())
                .flatMap(SourceFile::text).map(String::length).orElse(0)).sum();
        long tokens = chars / CHARS_PER_TOKEN;
        size.set("The implementer sees " + (editable.size() == 1 ? "1 editable file" : editable.size()
                + " editable files") + ": " + String.format(Locale.ROOT, "%,d", chars) + " characters, about "
                + String.format(Locale.ROOT, "%,d", tokens) + " tokens (a token is about " + CHARS_PER_TOKEN
                + " characters) of the " + CONTEXT_TOKENS / 1000 + "k-token context assumed for the implementer model.");
        warning.set(tokens > CONTEXT_TOKENS ? "The editable files (about " + String.format(Locale.ROOT, "%,d", tokens)
                + " tokens) would not fit the implementer model's context (" + CONTEXT_TOKENS / 1000 + "k tokens); make"
                + " fewer files editable, e.g. only the model and the training loop." : "");
        reason.set(reason(editable));
    }

    private String reason(List<FileNode> editable) {
        if (editable.isEmpty()) {
            return "Make at least one file editable: the implementer can only change editable files.";
        }
        for (FileNode file : editable) {
            if (!file.isText()) {
                return "'" + file.path() + "' is not text the implementer can read (binary, or not UTF-8); make it kept"
                        + " or left out.";
            }
        }
        CodeSnapshot kept = code();
        List<String> problems = check.fileProblems(detected.withEditable(editable()).withProtected(protectedPaths()),
                kept);
        return problems.isEmpty() ? "" : problems.getFirst();
    }
}
