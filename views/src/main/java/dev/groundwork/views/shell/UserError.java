package dev.groundwork.views.shell;

import dev.groundwork.model.study.StudyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure as the user sees it: what could not be done, and a sentence on why. Never a stack trace; unexpected
 * failures are logged with theirs.
 */
public record UserError(String title, String message) {

    private static final Logger LOG = LoggerFactory.getLogger(UserError.class);

    static UserError of(String title, Exception failure) {
        if (failure instanceof StudyException) {
            return new UserError(title, failure.getMessage());
        }
        LOG.error("{}: unexpected failure", title, failure);
        String what = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName()
                : failure.getMessage();
        return new UserError(title, "Something unexpected went wrong (" + what + "). The log file has the details.");
    }
}
