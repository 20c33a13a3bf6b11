package dev.groundwork.views.ideas;

import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.inbox.IdeatorSource;
import dev.groundwork.model.llm.LlmCall;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The idea inbox on the Ideas page: every idea with its best reward, filtered by text and status and sorted as the
 * table's columns say (rewards best first in the study's goal direction); the selected idea's
 * prompt, notes and score; the idea gate (approve, reject) for one idea or a multi-selection; seeding an idea of one's
 * own; and asking the ideator for more ({@link IdeaGenerationViewModel}). Everything that reads or writes the study goes
 * through the task executor.
 */
public final class IdeasInboxViewModel {

    /** The status filter's first choice. */
    public static final String ALL = "All";

    /** By id, which is the order ideas were stored in. */
    public static final Comparator<IdeaInbox.Row> BY_ID = Comparator.comparingLong(row -> row.idea().id());
    /** The page's own order, which ties in another order keep (declared before the orders that use it). */
    private static final Comparator<IdeaInbox.Row> BY_ID_NEWEST_FIRST = BY_ID.reversed();
    /** By status in its life cycle's order (proposed, approved, rejected, implementing…). */
    public static final Comparator<IdeaInbox.Row> BY_STATUS = newestFirstWithin(
            Comparator.comparing(row -> row.idea().status()));
    public static final Comparator<IdeaInbox.Row> BY_EPOCH = newestFirstWithin(
            Comparator.comparingInt(row -> row.idea().epoch()));
    public static final Comparator<IdeaInbox.Row> BY_ORIGIN = newestFirstWithin(
            Comparator.comparing(row -> row.idea().origin().wireName()));
    public static final Comparator<IdeaInbox.Row> BY_TITLE = newestFirstWithin(
            Comparator.comparing(row -> row.idea().title(), String.CASE_INSENSITIVE_ORDER));
    public static final Comparator<IdeaInbox.Row> BY_RUNS = newestFirstWithin(Comparator.comparingInt(IdeaInbox.Row::runs));
    /** By the parents' ids: ideas without parents first, then by the first parent, the second… */
    public static final Comparator<IdeaInbox.Row> BY_PARENTS = newestFirstWithin((a, b) -> {
        List<Long> left = a.idea().parents();
        List<Long> right = b.idea().parents();
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = Long.compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    });

    private final ObservableValue<? extends Study> study;
    private final TaskExecutor tasks;
    private final Function<Study, Optional<IdeaInbox>> inboxes;
    private final ObservableList<IdeaInbox.Row> rows = FXCollections.observableArrayList();
    private final FilteredList<IdeaInbox.Row> shown = new FilteredList<>(rows);
    private final SortedList<IdeaInbox.Row> sorted = new SortedList<>(shown);
    /** The study's reward goal, read with the rows: whether the reward order puts the highest first. */
    private boolean higherIsBetter;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty statusFilter = new SimpleStringProperty(ALL);
    private final ObjectProperty<IdeaInbox.Row> selected = new SimpleObjectProperty<>();
    private final ObservableList<IdeaInbox.Row> selection = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObjectProperty<Integer> score = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper seedHint = new ReadOnlyStringWrapper("");
    private volatile List<IdeatorSource.Suggestion> seedSuggestions = List.of();
    private final BooleanBinding writable;
    private final BooleanBinding canDecide;
    private final BooleanBinding canApprove;
    private final BooleanBinding canAnnotate;
    private final BooleanBinding canSeed;
    private final BooleanProperty seedPromptWanted = new SimpleBooleanProperty(false);
    private final IdeaSeedForm seedForm;
    private final IdeaGenerationViewModel generation;
    private final IdeaDetailViewModel detail;
    private final StringBinding title;

    /**
     * @param changed fires when the study's state was read again (its status): the inbox is read again then
     * @param inboxes the idea inbox of a study, empty when the study offers none
     */
    public IdeasInboxViewModel(ObservableValue<? extends Study> study, Observable changed, TaskExecutor tasks,
                               Function<Study, Optional<IdeaInbox>> inboxes) {
        this.study = study;
        this.tasks = tasks;
        this.inboxes = inboxes;
        writable = Bindings.createBooleanBinding(() -> study.getValue() != null && !study.getValue().readOnly(), study);
        canDecide = Bindings.createBooleanBinding(() -> writable.get() && !decidable(currentSelection(), false).isEmpty(),
                writable, selection, selected);
        canApprove = Bindings.createBooleanBinding(() -> writable.get() && !decidable(currentSelection(), true).isEmpty(),
                writable, selection, selected);
        canAnnotate = Bindings.createBooleanBinding(() -> writable.get() && selected.get() != null, writable, selected);
        canSeed = Bindings.createBooleanBinding(() -> writable.get() && available(), writable);
        seedForm = new IdeaSeedForm(() -> rows.stream().map(row -> row.idea().id()).toList(), rows);
        generation = new IdeaGenerationViewModel(tasks, this::inbox, writable,
                Bindings.createObjectBinding(this::currentSelection, selection, selected), message::set, this::refresh);
        shown.predicateProperty().bind(Bindings.createObjectBinding(
                () -> row -> matches(row, filterText.get(), statusFilter.get()), filterText, statusFilter));
        detail = new IdeaDetailViewModel(selected);
        title = Bindings.createStringBinding(() -> shown.size() == rows.size() ? "Ideas · " + rows.size()
                : "Ideas · " + shown.size() + " of " + rows.size(), shown, rows);
        changed.addListener(o -> refresh());
        study.addListener(o -> refresh());
        selected.addListener((property, old, row) -> {
            if (row == null || old == null || row.idea().id() != old.idea().id()) {
                show(row);
            }
        });
    }

    /** Reads the inbox again (after the study changed, a decision, or the loop's progress). */
    public void refresh() {
        Optional<IdeaInbox> inbox = inbox();
        if (inbox.isEmpty()) {
            selection.clear();
            selected.set(null);
            rows.clear();
            return;
        }
        tasks.submit("Reading the ideas", progress -> new Read(inbox.get().rows(), inbox.get().higherIsBetter()), read -> {
            Long keep = selected.get() == null ? null : selected.get().idea().id();
            List<Long> kept = selection.stream().map(row -> row.idea().id()).toList();
            higherIsBetter = read.higherIsBetter(); // before the rows, which the sorted list orders as they arrive
            // Rows read again unchanged (the loop's progress re-reads every 2 s) are left alone, so that the table
            // keeps its selection anchor (shift+arrow) and scroll position between changes.
            if (!rows.equals(read.rows())) {
                rows.setAll(read.rows());
            }
            List<IdeaInbox.Row> chosen = read.rows().stream().filter(row -> kept.contains(row.idea().id())).toList();
            if (!new HashSet<>(selection).equals(new HashSet<>(chosen))) {
                selection.setAll(chosen);
            }
            selected.set(read.rows().stream().filter(row -> keep != null && row.idea().id() == keep).findFirst()
                    .orElse(keep == null && !sorted.isEmpty() ? sorted.getFirst() : null));
        }, failure -> message.set("The ideas could not be read: " + failure.getMessage()));
    }

    private record Read(List<IdeaInbox.Row> rows, boolean higherIsBetter) {}

    /** The status filter's choices: All, then each idea status. */
    public static List<String> statusChoices() {
        return Stream.concat(Stream.of(ALL), Stream.of(IdeaStatus.values()).map(IdeaStatus::wireName)).toList();
    }

    private static boolean matches(IdeaInbox.Row row, String text, String status) {
        if (status != null && !status.equals(ALL) && !row.idea().status().wireName().equals(status)) {
            return false;
        }
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return true;
        }
        return String.valueOf(row.idea().id()).equals(needle.replaceFirst("^#", ""))
                || row.idea().title().toLowerCase(Locale.ROOT).contains(needle)
                || row.idea().text().toLowerCase(Locale.ROOT).contains(needle)
                || row.idea().notes().toLowerCase(Locale.ROOT).contains(needle);
    }

    private void show(IdeaInbox.Row row) {
        prompt.set("");
        notes.set(row == null ? "" : row.idea().notes());
        score.set(row == null ? null : row.idea().score());
        Optional<IdeaInbox> inbox = inbox();
        if (row == null || inbox.isEmpty()) {
            return;
        }
        long id = row.idea().id();
        tasks.submit("Reading the prompt of idea " + id, progress -> inbox.get().prompt(id), call -> {
            if (selected.get() != null && selected.get().idea().id() == id) {
                prompt.set(call.map(IdeasInboxViewModel::promptText).orElseGet(() -> noPrompt(row)));
            }
        }, failure -> message.set("The prompt of idea " + id + " could not be read: " + failure.getMessage()));
    }

    private static String promptText(LlmCall call) {
        return call.provider() + " · " + call.model() + "\n\n" + call.prompt();
    }

    static String noPrompt(IdeaInbox.Row row) {
        return switch (row.idea().origin()) {
            case HUMAN -> "No prompt: seeded by you.";
            case CATALOG -> "No prompt: from the offline catalog.";
            default -> "No prompt was recorded for this idea.";
        };
    }

    /** Approves the selected ideas (the multi-selection, else the selected row) that are still proposed. */
    public void approve() {
        approve(currentSelection());
    }

    public void reject() {
        reject(currentSelection());
    }

    /** Approves those of {@code chosen} that are still proposed; the others are left as they are. */
    public void approve(List<IdeaInbox.Row> chosen) {
        decide(chosen, true);
    }

    public void reject(List<IdeaInbox.Row> chosen) {
        decide(chosen, false);
    }

    private void decide(List<IdeaInbox.Row> chosen, boolean approve) {
        List<Long> ids = decidable(chosen, approve).stream().map(row -> row.idea().id()).toList();
        boolean withdrawing = !approve && decidable(chosen, false).stream()
                .noneMatch(row -> row.idea().status() == IdeaStatus.PROPOSED);
        Optional<IdeaInbox> inbox = inbox();
        if (ids.isEmpty() || inbox.isEmpty() || !writable.get()) {
            return;
        }
        String verb = approve ? "Approved" : withdrawing ? "Withdrew" : "Rejected";
        tasks.submit((approve ? "Approving" : "Rejecting") + " " + ideas(ids), progress -> {
            for (long id : ids) {
                if (approve) {
                    inbox.get().approve(id);
                } else {
                    inbox.get().reject(id);
                }
            }
            return ids;
        }, done -> {
            message.set(verb + " " + ideas(done) + (approve ? "; the implementer writes their patches next." : "."));
            refresh();
        }, failure -> {
            message.set(failure.getMessage());
            refresh();
        });
    }

    private static String ideas(List<Long> ids) {
        return (ids.size() == 1 ? "idea " : "ideas ") + String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    /** Saves the notes and score of the selected idea. */
    public void saveNotes() {
        IdeaInbox.Row row = selected.get();
        Optional<IdeaInbox> inbox = inbox();
        if (row == null || inbox.isEmpty() || !canAnnotate.get()) {
            return;
        }
        long id = row.idea().id();
        String text = notes.get() == null ? "" : notes.get().strip();
        Integer value = score.get();
        tasks.submit("Saving the notes on idea " + id, progress -> inbox.get().annotate(id, text, value), idea -> {
            message.set(idea.score() == null ? "Saved the notes on idea " + id + "."
                    : "Saved the notes and score " + idea.score() + " of idea " + id + ".");
            refresh();
        }, failure -> message.set("The notes were not saved: " + failure.getMessage()));
    }

    /** Seeds the idea the form describes; a form with mistakes is not sent. The form is emptied once it is stored. */
    public void seed() {
        Optional<IdeaInbox> inbox = inbox();
        if (!seedForm.valid().get() || inbox.isEmpty() || !writable.get()) {
            if (!seedForm.valid().get()) {
                message.set(Stream.of(seedForm.titleErrorProperty().get(), seedForm.parentsErrorProperty().get())
                        .filter(s -> !s.isEmpty()).findFirst().orElse(""));
            }
            return;
        }
        String title = seedForm.titleProperty().get();
        String text = seedForm.textProperty().get() == null ? "" : seedForm.textProperty().get().strip();
        List<Long> parents = seedForm.parentIds();
        Optional<String> diff = seedForm.diffText();
        tasks.submit("Seeding \"" + title.strip() + "\"", progress -> inbox.get().seed(title, text, parents, diff), outcome -> {
            message.set(outcome);
            seedForm.clear();
            refresh();
        }, failure -> message.set(failure instanceof IdeaInbox.SeedRefused
                ? "Your patch was not stored because it does not apply: " + failure.getMessage()
                : "The idea was not seeded: " + failure.getMessage()));
    }

    private List<IdeaInbox.Row> currentSelection() {
        if (!selection.isEmpty()) {
            return List.copyOf(selection);
        }
        return selected.get() == null ? List.of() : List.of(selected.get());
    }

    /**
     * The ideas at the idea gate (proposed); a reject with none of them chosen withdraws the chosen ideas that were
     * approved (or seeded) and have not run, so that mixing both never withdraws an idea by accident.
     */
    private static List<IdeaInbox.Row> decidable(List<IdeaInbox.Row> chosen, boolean approve) {
        List<IdeaInbox.Row> proposed = chosen.stream().filter(row -> row != null
                && row.idea().status() == IdeaStatus.PROPOSED).toList();
        if (approve || !proposed.isEmpty()) {
            return proposed;
        }
        return chosen.stream().filter(row -> row != null && withdrawable(row)).toList();
    }

    private static boolean withdrawable(IdeaInbox.Row row) {
        return row.runs() == 0 && (row.idea().status() == IdeaStatus.APPROVED || row.idea().status() == IdeaStatus.IMPLEMENTED);
    }

    private Optional<IdeaInbox> inbox() {
        Study current = study.getValue();
        return current == null ? Optional.empty() : inboxes.apply(current);
    }

    /** Whether this study has an idea inbox at all (a real study does; a fake in a test may not). */
    public boolean available() {
        return inbox().isPresent();
    }

    /** Every idea, newest first. */
    public ObservableList<IdeaInbox.Row> rows() {
        return rows;
    }

    /** The ideas the filters let through. */
    public FilteredList<IdeaInbox.Row> shown() {
        return shown;
    }

    /**
     * The ideas the filters let through, in the order the table shows them: the table binds its comparator (the columns
     * the researcher sorted by) to this list's, so the order holds while the rows are read again.
     */
    public SortedList<IdeaInbox.Row> sorted() {
        return sorted;
    }

    /** Best reward first in the study's goal direction (lowest first when it minimizes); ideas without one last. */
    public Comparator<IdeaInbox.Row> rewardOrder() {
        return newestFirstWithin((a, b) -> {
            if (a.bestReward() == null || b.bestReward() == null) {
                return Boolean.compare(a.bestReward() == null, b.bestReward() == null);
            }
            int ascending = Double.compare(a.bestReward(), b.bestReward());
            return higherIsBetter ? -ascending : ascending;
        });
    }

    /** Ties in {@code order} keep the page's own order, newest first, whatever the table sorted by before. */
    private static Comparator<IdeaInbox.Row> newestFirstWithin(Comparator<IdeaInbox.Row> order) {
        return order.thenComparing(BY_ID_NEWEST_FIRST);
    }


    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** {@link #ALL} or an idea status's wire name. */
    public StringProperty statusFilterProperty() {
        return statusFilter;
    }

    /** The idea whose details show. */
    public ObjectProperty<IdeaInbox.Row> selectedProperty() {
        return selected;
    }

    /** The rows chosen for a decision (the table's multi-selection). */
    public ObservableList<IdeaInbox.Row> selection() {
        return selection;
    }

    /** The prompt that produced the selected idea, or why there is none. */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public StringProperty notesProperty() {
        return notes;
    }

    /** The score, 1 to 5, or null for an idea not scored yet. */
    public ObjectProperty<Integer> scoreProperty() {
        return score;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A study is open and writable. */
    public BooleanBinding writableProperty() {
        return writable;
    }

    /** Some chosen idea is still proposed, and the study is writable. */
    /** Whether Reject can act: proposed ideas are chosen, or approved ones that have not run (withdrawn). */
    public BooleanBinding canDecideProperty() {
        return canDecide;
    }

    /** Whether Approve can act: proposed ideas are chosen. */
    public BooleanBinding canApproveProperty() {
        return canApprove;
    }

    public BooleanBinding canAnnotateProperty() {
        return canAnnotate;
    }

    /** The study is writable and has an inbox to seed into. */
    public BooleanBinding canSeedProperty() {
        return canSeed;
    }

    /** Asks the page to open the seed prompt as soon as the study can take a seed (a study just made). */
    public void requestSeedPrompt() {
        seedPromptWanted.set(true);
    }

    /** Whether the seed prompt should open once seeding is possible; the page clears it when it opens the prompt. */
    public BooleanProperty seedPromptWantedProperty() {
        return seedPromptWanted;
    }

    public IdeaSeedForm seedForm() {
        return seedForm;
    }

    /**
     * Reads what to suggest as the researcher types a seed's title: with the offline catalog as implementer, the ideas
     * it can write a patch for (another idea needs the researcher's own diff). Call when the seed dialog opens.
     */
    public void loadSeedSuggestions() {
        Optional<IdeaInbox> inbox = inbox();
        if (inbox.isEmpty()) {
            return;
        }
        tasks.submit("Reading the ideas to suggest", progress -> inbox.get().seedSuggestions(), found -> {
            seedSuggestions = List.copyOf(found);
            seedHint.set(found.isEmpty() ? "" : "The offline catalog writes patches only for the " + found.size()
                    + " ideas it knows: type to pick one, or paste your own diff below.");
        }, failure -> seedHint.set(""));
    }

    /** The suggestions whose title or text contains {@code typed} (case-insensitive); safe from any thread. */
    public List<IdeatorSource.Suggestion> seedSuggestions(String typed) {
        String needle = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
        return seedSuggestions.stream().filter(s -> needle.length() >= 2 && (s.title().toLowerCase(java.util.Locale.ROOT)
                .contains(needle) || s.text().toLowerCase(java.util.Locale.ROOT).contains(needle))).toList();
    }

    /** Says which ideas the study's implementer can write a patch for; empty when it implements anything. */
    public ReadOnlyStringProperty seedHintProperty() {
        return seedHint.getReadOnlyProperty();
    }

    /** Generating ideas and breeding from the chosen ones. */
    /** The detail pane's texts for the selected idea. */
    public IdeaDetailViewModel detail() {
        return detail;
    }

    /** The page's title: "Ideas · 12", or "Ideas · 3 of 12" while a filter hides some. */
    public StringBinding titleProperty() {
        return title;
    }

    public IdeaGenerationViewModel generation() {
        return generation;
    }

    /** Sets the selected idea's score and saves it with its notes (the 1–5 keys). */
    public void score(int value) {
        if (canAnnotate.get() && value >= 1 && value <= 5) {
            score.set(value);
            saveNotes();
        }
    }

    /** Selects the idea {@code offset} rows below (above, when negative) the selected one, in the order shown. */
    public void move(int offset) {
        if (sorted.isEmpty()) {
            return;
        }
        int at = selected.get() == null ? -1 : sorted.indexOf(selected.get());
        int target = at < 0 ? (offset > 0 ? 0 : sorted.size() - 1) : Math.clamp(at + offset, 0, sorted.size() - 1);
        selection.clear();
        selected.set(sorted.get(target));
    }

    /** "0.1234", blank when the idea has no reward yet. */
    public static String reward(IdeaInbox.Row row) {
        return row.bestReward() == null ? "" : String.format(Locale.ROOT, "%.4f", row.bestReward());
    }

    /** "12, 15", blank for an idea without parents. */
    public static String parents(IdeaInbox.Row row) {
        return String.join(", ", row.idea().parents().stream().map(String::valueOf).toList());
    }
}
