package dev.groundwork.views.newstudy;

import dev.groundwork.model.intake.CodeDetector;
import dev.groundwork.model.intake.CodeLocation;
import dev.groundwork.model.intake.CodeReader;
import dev.groundwork.model.intake.CodeSnapshot;
import dev.groundwork.model.intake.IntakeException;
import dev.groundwork.model.intake.LeftOutNote;
import dev.groundwork.model.study.TemplateInfo;
import dev.groundwork.views.common.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Step 1: the code a study is made from — a folder (its path typed or chosen), read and looked at in the background
 * as it is typed, with the same reader and detector as the command line — or a bundled template.
 */
public final class SourceStepViewModel {

    /** The code read, and what the detector proposes for it. */
    public record Draft(CodeSnapshot code, CodeDetector.Detection detection) {}

    private final StringProperty path = new SimpleStringProperty("");
    private final BooleanProperty useTemplate = new SimpleBooleanProperty(false);
    private final ObjectProperty<TemplateInfo> template = new SimpleObjectProperty<>();
    private final ObservableList<TemplateInfo> templates;
    private final ReadOnlyObjectWrapper<Draft> draft = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanProperty reading = new SimpleBooleanProperty(false);
    private final StringBinding reason;
    private final LatestWork reads;
    private final long settleMillis;

    /** @param settleMillis how long a typed path must stay unchanged before it is read */
    SourceStepViewModel(TaskExecutor tasks, ObservableList<TemplateInfo> templates, long settleMillis) {
        this.settleMillis = settleMillis;
        this.templates = templates;
        this.reads = new LatestWork(tasks);
        path.addListener((o, old, now) -> read(now));
        reason = Bindings.createStringBinding(this::reason, path, useTemplate, template, draft, problem, reading);
        templates.addListener((ListChangeListener<TemplateInfo>) change -> {
            if (template.get() == null && !templates.isEmpty()) {
                template.set(templates.getFirst());
            }
        });
        if (!templates.isEmpty()) {
            template.set(templates.getFirst());
        }
    }

    /** The folder that holds the code, as typed (a git repository may name a revision: PATH@REV). */
    public StringProperty pathProperty() {
        return path;
    }

    /** True: the study starts from a bundled template instead of a folder. */
    public BooleanProperty useTemplateProperty() {
        return useTemplate;
    }

    public ObjectProperty<TemplateInfo> templateProperty() {
        return template;
    }

    public ObservableList<TemplateInfo> templates() {
        return templates;
    }

    /** The code read from the path, null until it has been read (or when it cannot be). */
    public ReadOnlyObjectProperty<Draft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    /** What was read: files, size, what was left out; empty until then. */
    public ReadOnlyStringWrapper summaryProperty() {
        return summary;
    }

    /** Why the step cannot go on, one sentence; empty when it can. */
    public StringBinding reasonProperty() {
        return reason;
    }

    private String reason() {
        if (useTemplate.get()) {
            return template.get() == null ? "Choose a template." : "";
        }
        if (path.get().isBlank()) {
            return "Type or choose the folder that holds your training code.";
        }
        if (!problem.get().isEmpty()) {
            return problem.get();
        }
        return reading.get() || draft.get() == null ? "Reading the code…" : "";
    }

    private void read(String text) {
        draft.set(null);
        problem.set("");
        summary.set("");
        if (text == null || text.isBlank()) {
            reads.forget();
            reading.set(false);
            return;
        }
        reading.set(true);
        reads.submit("Reading the code", progress -> {
            settle();
            return readCode(text.strip());
        }, read -> {
            reading.set(false);
            draft.set(read);
            summary.set(summary(read.code()));
        }, failure -> {
            reading.set(false);
            problem.set(failure instanceof IntakeException ? failure.getMessage()
                    : "Reading the code in " + text.strip() + " failed (" + failure.getMessage() + "); check that it can"
                    + " be read.");
        });
    }

    /**
     * Waits a moment before reading, so that a path typed letter by letter is read once it stops changing (the read
     * of "/" or "/home" along the way is cancelled before it starts walking).
     */
    private void settle() throws InterruptedException {
        if (settleMillis > 0) {
            Thread.sleep(settleMillis);
        }
    }

    private static Draft readCode(String text) throws IntakeException {
        CodeSnapshot code = new CodeReader(CodeReader.DEFAULT_MOST_BYTES).read(CodeLocation.parse(text));
        String name = code.origin().path().getFileName() == null ? "study" : code.origin().path().getFileName().toString();
        return new Draft(code, new CodeDetector().detect(code, name));
    }

    private static String summary(CodeSnapshot code) {
        String files = code.files().size() == 1 ? "1 file" : code.files().size() + " files";
        return "Read " + code.origin().describe() + ": " + files + ", " + LeftOutNote.size(code.bytes())
                + (code.ignored() > 0 ? " (" + code.ignored() + " ignored by .gitignore)" : "") + "."
                + LeftOutNote.sentence(code, CodeReader.DEFAULT_MOST_BYTES).map(note -> " " + note).orElse("");
    }
}
