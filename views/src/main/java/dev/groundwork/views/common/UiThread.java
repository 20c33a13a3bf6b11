package dev.groundwork.views.common;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Where view models deliver results: the JavaFX application thread in the app ({@link FxUiThread}),
 * the calling thread in tests ({@code Runnable::run}).
 */
@FunctionalInterface
public interface UiThread {

    /** Runs {@code action} on the UI thread, later when called from another thread. */
    void post(Runnable action);

    /**
     * Runs {@code work} on the UI thread and waits for its result (its exception rethrown here): for harnesses that
     * drive the UI from another thread, never from the UI thread itself, where it would wait for itself.
     */
    default <T> T call(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        post(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }
}
