package dev.groundwork.bench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps work waiting: every 10 ms it posts a probe with {@code Platform.runLater} and
 * records how late the probe ran, with the number of runs streaming at the time. A probe waits exactly as long as the FX
 * thread is busy with something else, so the largest delay is the longest the window was frozen.
 */
final class PulseProbe implements AutoCloseable {

    /** One probe: how late it ran, and how many runs were streaming when it was posted. */
    record Sample(double delayMillis, int streaming, double atSeconds) {}

    private final List<Sample> samples = new ArrayList<>();
    private final Thread poster;
    private volatile boolean running = true;
    private volatile Thread fxThread;
    private volatile long outstandingSince;
    private final java.util.Map<String, Integer> frozenFrames = new java.util.concurrent.ConcurrentHashMap<>();
    /** What the workout is doing now, prefixed to each frozen frame so that a long wait is told apart by step. */
    private volatile String step = "";
    private volatile Thread renderer;

    PulseProbe(IntSupplier streaming) {
        long start = System.nanoTime();
        poster = Thread.ofPlatform().daemon().name("pulse-probe").start(() -> {
            while (running) {
                long posted = System.nanoTime();
                int now = streaming.getAsInt();
                sampleFrozenStack(posted);
                Platform.runLater(() -> {
                    fxThread = Thread.currentThread();
                    outstandingSince = 0;
                    double delay = (System.nanoTime() - posted) / 1e6;
                    synchronized (samples) {
                        samples.add(new Sample(delay, now, (posted - start) / 1e9));
                    }
                });
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** While a probe has waited over 50 ms, notes the FX thread's top project frame: what keeps it busy. */
    private void sampleFrozenStack(long now) {
        if (outstandingSince == 0) {
            outstandingSince = now;
            return;
        }
        Thread fx = fxThread;
        if (fx == null || now - outstandingSince < 50_000_000L) {
            return;
        }
        StackTraceElement[] stack = fx.getStackTrace();
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("dev.groundwork")) {
                frozenFrames.merge(step + frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber(), 1, Integer::sum);
                return;
            }
        }
        if (stack.length > 0) {
            String top = java.util.Arrays.stream(stack).limit(6)
                    .map(frame -> frame.getClassName().replaceAll(".*\\.", "") + "." + frame.getMethodName())
                    .collect(java.util.stream.Collectors.joining(" < "));
            if (top.contains("waitForRenderingToComplete")) {
                top = "waiting for the renderer, which was in " + rendering();
            }
            frozenFrames.merge(step + top, 1, Integer::sum);
        }
    }

    /**
     * Where the renderer thread is: its top frame and the scene-graph node it renders (the deepest {@code NG} frame's
     * class), since an FX thread waiting for the renderer says nothing of what the renderer is busy with.
     */
    private String rendering() {
        if (renderer == null) {
            renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                    .findFirst().orElse(null);
        }
        if (renderer == null) {
            return "?";
        }
        StackTraceElement[] stack = renderer.getStackTrace();
        if (stack.length == 0) {
            return "?";
        }
        String top = stack[0].getClassName().replaceAll(".*\\.", "") + "." + stack[0].getMethodName();
        String node = "";
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName().replaceAll(".*\\.", "");
            if (name.startsWith("NG") && !name.startsWith("NGNode") && !name.startsWith("NGGroup")) {
                node = name + "." + frame.getMethodName();
                break;
            }
        }
        return top + (node.isEmpty() ? "" : " under " + node);
    }

    /** Names the step the next frozen frames belong to. */
    void step(String name) {
        step = name.isEmpty() ? "" : "[" + name + "] ";
    }

    /** Where the FX thread was while probes waited over 50 ms, most often first. */
    List<String> frozenAt() {
        return frozenAt(5);
    }

    /** The {@code limit} places most often found while probes waited over 50 ms. */
    List<String> frozenAt(int limit) {
        return frozenFrames.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit).map(e -> e.getKey() + " ×" + e.getValue()).toList();
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poster.interrupt();
        poster.join();
    }
}
