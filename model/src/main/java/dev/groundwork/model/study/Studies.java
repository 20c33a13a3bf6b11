package dev.groundwork.model.study;

import dev.groundwork.model.intake.CodeSnapshot;
import dev.groundwork.model.intake.StudyPlan;
import java.nio.file.Path;
import java.util.List;

/** Creating and opening study folders, and remembering the recent ones. */
public interface Studies {

    /** The bundled study templates. */
    List<TemplateInfo> templates();

    /** Creates a study in {@code dir} (which must not exist or be empty) from a template and opens it. */
    Study create(Path dir, String template) throws StudyException;

    /**
     * Creates a study in {@code dir} (which must not exist or be empty) from the researcher's own code: the code becomes
     * the baseline's first commit on {@code main}, recording its origin, and the plan its groundwork.yaml. A failure
     * leaves nothing behind.
     */
    Study createFrom(Path dir, CodeSnapshot code, StudyPlan plan) throws StudyException;

    /** Opens an existing study; read-only when another process holds it. */
    Study open(Path dir) throws StudyException;

    /** Opens the demo study in the user's data folder, creating it first when it is not there. */
    Study openDemo() throws StudyException;

    /** Recently opened studies, most recent first, only those that still exist. */
    List<Path> recent();
}
