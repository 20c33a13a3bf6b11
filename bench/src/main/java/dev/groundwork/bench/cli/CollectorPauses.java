package dev.groundwork.bench.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collector's stop-the-world pauses while it is open, each with when it began on a caller's clock: a long
 * wait of the pulse probe is the FX thread's own work or a pause that stopped every thread, and the two need different
 * fixes. Concurrent cycles (G1's marking) stop nothing and are left out.
 */
final class CollectorPauses implements AutoCloseable {

    /** A pause: when it began, in seconds after {@code origin}, how long it took, and why (the collector's words). */
    record Pause(double atSeconds, double millis, String cause) {}

    private final long origin;
    private final List<Pause> pauses = new ArrayList<>();
    private final NotificationListener listener = this::told;

    /** Listens from now; {@code origin} is the {@link System#nanoTime} the pauses' times count from. */
    CollectorPauses(long origin) {
        this.origin = origin;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    private void told(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcName().contains("Concurrent")) {
            return;
        }
        long millis = info.getGcInfo().getDuration();
        double endedAt = (System.nanoTime() - origin) / 1e9; // told just after it ends
        synchronized (pauses) {
            pauses.add(new Pause(endedAt - millis / 1e3, millis, info.getGcCause()));
        }
    }

    List<Pause> pauses() {
        synchronized (pauses) {
            return List.copyOf(pauses);
        }
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException alreadyGone) {
                    // never added to this one
                }
            }
        }
    }
}
