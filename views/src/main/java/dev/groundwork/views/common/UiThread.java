package dev.groundwork.views.common;

/**
 * Where view models deliver results: the JavaFX application thread in the app ({@link FxUiThread}),
 * the calling thread in tests ({@code Runnable::run}).
 */
@FunctionalInterface
public interface UiThread {

    /** Runs {@code action} on the UI thread, later when called from another thread. */
    void post(Runnable action);
}
