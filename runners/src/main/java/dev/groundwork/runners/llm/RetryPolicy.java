package dev.groundwork.runners.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a request again: rate limits (429), overload (529), server errors (5xx), 408/409 and timeouts, up to
 * {@code maxTries} requests in all. Waits double from {@code firstWait} up to {@code maxWait} with up to a quarter of
 * jitter, unless the server says how long in {@code Retry-After} (or {@code retry-after-ms}), which is honoured as long
 * as it is at most {@code maxRetryAfter}; a longer demand ends the tries at once.
 */
public record RetryPolicy(int maxTries, Duration firstWait, Duration maxWait, Duration maxRetryAfter, Sleeper sleeper) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Sleeper.REAL);

    public RetryPolicy {
        Objects.requireNonNull(firstWait, "firstWait");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(sleeper, "sleeper");
        if (maxTries < 1) {
            throw new IllegalArgumentException("at least one try, not " + maxTries);
        }
    }

    public RetryPolicy withSleeper(Sleeper newSleeper) {
        return new RetryPolicy(maxTries, firstWait, maxWait, maxRetryAfter, newSleeper);
    }

    public RetryPolicy withMaxTries(int tries) {
        return new RetryPolicy(tries, firstWait, maxWait, maxRetryAfter, sleeper);
    }

    /** The wait after failed try number {@code tries} (1-based) when the server named none. */
    Duration backoff(int tries) {
        long base = firstWait.toMillis() << Math.min(tries - 1, 20);
        long capped = Math.min(base, maxWait.toMillis());
        long jitter = capped <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(Math.min(capped + jitter, maxWait.toMillis()));
    }
}
