package dev.groundwork.views.common;

import javafx.application.Platform;

/** The JavaFX application thread; the one place outside {@code app} that hands work to it. */
public final class FxUiThread implements UiThread {

    @Override
    public void post(Runnable action) {
        Platform.runLater(action);
    }
}
