package dev.groundwork.app.loop;

import dev.groundwork.model.study.StudyFolder;

/** Assertions on an open study that may throw (git, I/O). */
@FunctionalInterface
interface StudyCheck {
    void accept(StudyFolder study) throws Exception;
}
