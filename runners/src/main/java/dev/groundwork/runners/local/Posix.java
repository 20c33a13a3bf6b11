package dev.groundwork.runners.local;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The few C library calls Java has no API for: signalling a whole process group, and asking which group and session a
 * process is in. Absent where the C library lacks them (Windows).
 */
final class Posix {

    static final int SIGTERM = 15;
    static final int SIGKILL = 9;

    private final MethodHandle kill;
    private final MethodHandle getpgid;
    private final MethodHandle getsid;

    private Posix(MethodHandle kill, MethodHandle getpgid, MethodHandle getsid) {
        this.kill = kill;
        this.getpgid = getpgid;
        this.getsid = getsid;
    }

    static Optional<Posix> load() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        FunctionDescriptor intOfInt = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
        return libc.find("kill").flatMap(kill -> libc.find("getpgid").flatMap(getpgid -> libc.find("getsid")
                .map(getsid -> new Posix(
                        linker.downcallHandle(kill, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT)),
                        linker.downcallHandle(getpgid, intOfInt),
                        linker.downcallHandle(getsid, intOfInt)))));
    }

    /** Sends {@code signal} to every process of group {@code pgid}; false when the group has no process left. */
    boolean killGroup(long pgid, int signal) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("Refusing to signal process group " + pgid + ".");
        }
        return call(kill, (int) -pgid, signal) == 0;
    }

    /** The process group of {@code pid}, or -1 when there is no such process. */
    long groupOf(long pid) {
        return call(getpgid, (int) pid);
    }

    /** The session of {@code pid}, or -1 when there is no such process. */
    long sessionOf(long pid) {
        return call(getsid, (int) pid);
    }

    private static int call(MethodHandle function, Object... args) {
        try {
            return (int) function.invokeWithArguments(args);
        } catch (Throwable e) {
            throw new IllegalStateException("Calling the C library failed: " + e.getMessage(), e);
        }
    }
}
