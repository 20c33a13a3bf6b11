package dev.groundwork.runners.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.groundwork.runners.common.LineReader;
import dev.groundwork.runners.common.RunOutput;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A container's log stream as lines, as Testcontainers' {@code FrameConsumerResultCallback} makes them: the daemon
 * sends frames (a write of the process, or a piece of one), which may end mid-line or even mid-character, so stdout and
 * stderr each get a line reader that joins pieces until a line is whole. Lines go to the run's output in the order
 * their frames came. The stream ends when the container stops, or with an error when the connection breaks.
 */
final class FrameLines implements ResultCallback<Frame> {

    private final RunOutput output;
    private final LineReader stdout;
    private final LineReader stderr;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Closeable stream;

    FrameLines(RunOutput output) {
        this.output = output;
        this.stdout = new LineReader(sink(false));
        this.stderr = new LineReader(sink(true));
    }

    @Override
    public void onStart(Closeable started) {
        this.stream = started;
    }

    @Override
    public void onNext(Frame frame) {
        synchronized (output) {
            (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).feed(frame.getPayload());
        }
        output.flush();
    }

    @Override
    public void onError(Throwable error) {
        failure.compareAndSet(null, error);
        done.countDown();
    }

    @Override
    public void onComplete() {
        done.countDown();
    }

    /** Waits up to {@code millis} for the stream's end; true when it ended. */
    boolean awaitEnd(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The error the stream ended with, or null when it ended because the container stopped. */
    Throwable failure() {
        return failure.get();
    }

    /** Passes on the last unfinished line of each stream; call once a complete read ended. */
    void finish() {
        synchronized (output) {
            stdout.finish();
            stderr.finish();
        }
    }

    /** Stops reading (the daemon stopped answering): the stream ends now. */
    @Override
    public void close() {
        Closeable open = stream;
        if (open != null) {
            try {
                open.close();
            } catch (IOException | RuntimeException e) {
                // the connection is already gone
            }
        }
        done.countDown();
    }

    private LineReader.Sink sink(boolean isStderr) {
        return new LineReader.Sink() {
            @Override
            public void line(String line) {
                output.line(line, isStderr);
            }

            @Override
            public void idle() {
                output.flush();
            }
        };
    }
}
