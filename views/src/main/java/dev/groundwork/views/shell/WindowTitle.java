package dev.groundwork.views.shell;

import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;

/** The window title: the study, whether it is read-only, and what it is doing or waiting for. */
final class WindowTitle {

    private WindowTitle() {}

    static String of(Study study, StudyStatus status, LoopViewModel.State loop) {
        if (study == null) {
            return "Groundwork";
        }
        StringBuilder title = new StringBuilder(study.name());
        if (study.readOnly()) {
            title.append(" (read-only)");
        }
        String state = switch (loop) {
            case RUNNING -> "loop running";
            case PAUSING -> "pausing";
            case STOPPING -> "stopping";
            case IDLE -> waiting(status);
        };
        if (!state.isEmpty()) {
            title.append(" · ").append(state);
        }
        return title.append(" — Groundwork").toString();
    }

    /** "3 patches wait for review" when patches (or ideas) are held at a gate; empty otherwise. */
    private static String waiting(StudyStatus status) {
        if (status == null) {
            return "";
        }
        int patches = status.patches().getOrDefault(PatchStatus.PREFLIGHT_OK.wireName(), 0);
        int ideas = status.ideas().getOrDefault(IdeaStatus.PROPOSED.wireName(), 0);
        if (patches > 0) {
            return patches + (patches == 1 ? " patch waits" : " patches wait") + " for review";
        }
        if (ideas > 0) {
            return ideas + (ideas == 1 ? " idea waits" : " ideas wait") + " for review";
        }
        return "";
    }
}
