package dev.groundwork.views.common;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A UI thread the test drives: posted actions wait until the test runs them. */
public final class QueuedUiThread implements UiThread {

    private final BlockingQueue<Runnable> posted = new LinkedBlockingQueue<>();

    @Override
    public void post(Runnable action) {
        posted.add(action);
    }

    /** Waits for the next posted action and runs it on the test thread. */
    public void runNext() throws InterruptedException {
        Runnable action = posted.poll(5, TimeUnit.SECONDS);
        if (action == null) {
            throw new AssertionError("Nothing was posted to the UI thread within 5 s");
        }
        action.run();
    }

    /** Waits until something has been posted, without running it. */
    public void awaitPosted() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (posted.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Nothing was posted to the UI thread within 5 s");
            }
            Thread.sleep(5);
        }
    }

    public boolean isIdle() {
        return posted.isEmpty();
    }
}
