package dev.groundwork.views.review;

import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.review.PatchOutcome;
import dev.groundwork.model.review.PatchReview;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Review page's history: patches decided by a person or the loop, or turned down by the engine, newest first. */
public final class ReviewHistoryViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter BRIEF = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);

    private final ObservableList<PatchReview.Decided> decided = FXCollections.observableArrayList();
    private final ObjectProperty<PatchReview.Decided> selected = new SimpleObjectProperty<>();
    private final ZoneId zone;

    ReviewHistoryViewModel(ZoneId zone) {
        this.zone = zone;
    }

    /** Lists {@code items}; the selected patch stays selected while it is listed. */
    void show(List<PatchReview.Decided> items) {
        PatchReview.Decided keep = selected.get();
        decided.setAll(items);
        selected.set(keep == null ? null : items.stream().filter(each -> each.item().patchId() == keep.item().patchId())
                .findFirst().orElse(null));
    }

    /** "Rejected by bo on 2026-11-26 14:03" (the reason is {@link PatchOutcome#reason()}). */
    public String headline(PatchOutcome outcome) {
        return verb(outcome.status()) + (byMachine(outcome) ? "" : " by " + outcome.decidedBy()) + " on "
                + WHEN.format(outcome.at().atZone(zone));
    }

    /** "Rejected by bo · 26 Nov 14:03": a history row's line. */
    public String brief(PatchOutcome outcome) {
        return verb(outcome.status()) + (byMachine(outcome) ? "" : " by " + outcome.decidedBy()) + " · "
                + BRIEF.format(outcome.at().atZone(zone));
    }

    private static boolean byMachine(PatchOutcome outcome) {
        return outcome.decidedBy().isEmpty() || outcome.status() == PatchStatus.APPLY_FAILED
                || outcome.status() == PatchStatus.PREFLIGHT_FAILED;
    }

    static String verb(PatchStatus status) {
        return switch (status) {
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case SUPERSEDED -> "Superseded";
            case APPLY_FAILED -> "Apply failed";
            case PREFLIGHT_FAILED -> "Pre-flight failed";
            case PREFLIGHT_OK -> "Waiting for review";
            case DRAFT, APPLIED -> "Being checked";
        };
    }

    public ObservableList<PatchReview.Decided> decided() {
        return decided;
    }

    public ObjectProperty<PatchReview.Decided> selectedProperty() {
        return selected;
    }
}
