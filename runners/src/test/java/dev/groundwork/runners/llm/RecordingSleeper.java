package dev.groundwork.runners.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the waits a retry policy asks for instead of sleeping through them. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
    }

    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
