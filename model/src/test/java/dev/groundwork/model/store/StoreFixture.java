package dev.groundwork.model.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A writable store on a temp file with a clock the test moves by hand. */
final class StoreFixture {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private StoreFixture() {}

    static MutableClock clock() {
        return new MutableClock(T0);
    }

    static StudyStore open(Path dir, Clock clock) throws DatabaseOpenException {
        return StudyStore.openWritable(dir.resolve("groundwork.db"), clock);
    }

    /** A clock that stands still until told to advance. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advanceSeconds(double seconds) {
            now = now.plusMillis(Math.round(seconds * 1000));
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
