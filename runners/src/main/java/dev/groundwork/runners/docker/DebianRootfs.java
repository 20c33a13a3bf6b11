package dev.groundwork.runners.docker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The root file system of a study image, made where no registry is reachable: a minimal Debian (debootstrap's minbase)
 * with Python 3 and numpy from the distribution's own packages, fetched from the mirror apt already uses on this
 * machine, packed as a gzipped tar in the user's cache folder. A cached tarball is used as it is; building one takes
 * about a minute and root. The same tarball serves every study whose image needs no more than Python and numpy.
 */
public final class DebianRootfs {

    public static final List<String> PACKAGES = List.of("python3", "python3-numpy", "libopenblas0-pthread");
    private static final Pattern PHASE = Pattern.compile("^I: (\\w+)");

    private final String suite;
    private final String mirror;

    public DebianRootfs(String suite, String mirror) {
        this.suite = suite;
        this.mirror = mirror;
    }

    /** The release this machine runs and the first mirror of its apt sources; Debian bookworm's main mirror else. */
    public static DebianRootfs ofThisMachine() {
        return new DebianRootfs(AptSources.suite().orElse("bookworm"), AptSources.mirror()
                .orElse("http://deb.debian.org/debian"));
    }

    public DebianRootfs withMirror(String other) {
        return new DebianRootfs(suite, other);
    }

    public String suite() {
        return suite;
    }

    public String mirror() {
        return mirror;
    }

    /** Where the tarball is cached under {@code cacheDir} (scripts/test-docker.sh uses the same name). */
    public Path cached(Path cacheDir) {
        return cacheDir.resolve("images").resolve("debian-" + suite + "-python3-numpy.rootfs.tar.gz");
    }

    /**
     * The cached tarball, built first when there is none (or {@code rebuild}); {@code progress} hears what it does.
     *
     * @throws ImageBuildException with a sentence when it cannot be built here (not root, no debootstrap, no mirror)
     */
    public Path tarball(Path cacheDir, boolean rebuild, Consumer<String> progress) throws ImageBuildException {
        Path tarball = cached(cacheDir);
        if (!rebuild && Files.isRegularFile(tarball)) {
            progress.accept("Using the cached root file system " + tarball + ".");
            return tarball;
        }
        Optional<Path> debootstrap = Commands.find("debootstrap");
        if (debootstrap.isEmpty()) {
            throw new ImageBuildException("debootstrap is not installed: install it (apt-get install debootstrap) and"
                    + " try again, or build the image from the study's Dockerfile where a registry is reachable.");
        }
        if (!Commands.isRoot()) {
            throw new ImageBuildException("Building an image runs debootstrap, which needs root: run the command again"
                    + " as root (sudo), or build the image from the study's Dockerfile where a registry is reachable.");
        }
        Path work = null;
        try {
            Files.createDirectories(tarball.getParent());
            work = Files.createTempDirectory(tarball.getParent(), ".rootfs");
            Path rootfs = work.resolve("rootfs");
            progress.accept("Building a Debian " + suite + " root file system with " + String.join(", ", PACKAGES)
                    + " from " + mirror + " (debootstrap; about a minute)…");
            debootstrap(debootstrap.get(), rootfs, progress);
            Path part = work.resolve("rootfs.tar.gz");
            progress.accept("Packing it into " + tarball + "…");
            pack(rootfs, part);
            Files.move(part, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return tarball;
        } catch (IOException e) {
            throw new ImageBuildException("Could not build the root file system in " + tarball.getParent() + " ("
                    + e.getMessage() + "): check the free space there.", e);
        } finally {
            deleteTree(work);
        }
    }

    private void debootstrap(Path program, Path rootfs, Consumer<String> progress)
            throws IOException, ImageBuildException {
        Process process = new ProcessBuilder(program.toString(), "--variant=minbase", "--include=" + String.join(",", PACKAGES),
                suite, rootfs.toString(), mirror).redirectErrorStream(true).start();
        process.getOutputStream().close();
        ArrayDeque<String> tail = new ArrayDeque<>();
        Set<String> phases = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (tail.size() == 20) {
                    tail.removeFirst();
                }
                tail.addLast(line);
                Matcher step = PHASE.matcher(line);
                if (step.find() && phases.add(step.group(1))) { // one line per phase: debootstrap writes one per package
                    progress.accept("  " + line.substring(3).strip());
                }
            }
        }
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ImageBuildException("The image build was interrupted.", e);
        }
        if (status != 0) {
            throw new ImageBuildException(failure(List.copyOf(tail)));
        }
        cleanApt(rootfs);
    }

    /** debootstrap's last words as what to do: a mirror it cannot reach, a release it does not know. */
    String failure(List<String> tail) {
        String last = tail.stream().filter(line -> line.startsWith("E: ")).reduce((first, second) -> second)
                .orElse(tail.isEmpty() ? "no output" : tail.getLast()).replaceFirst("^E: ", "");
        String lower = String.join("\n", tail).toLowerCase(Locale.ROOT);
        if (lower.contains("failed getting release file") || lower.contains("couldn't download")
                || lower.contains("temporary failure") || lower.contains("could not resolve")
                || lower.contains("unable to connect") || lower.contains("connection refused")) {
            return "debootstrap could not reach the Debian mirror " + mirror + " (" + last + "): check the network, or"
                    + " name a mirror you can reach with --mirror URL.";
        }
        if (lower.contains("no such script") || lower.contains("unknown suite")) {
            return "debootstrap does not know the release " + suite + " (" + last + "): update debootstrap.";
        }
        return "debootstrap failed (" + last + "); its other lines are above.";
    }

    /** Downloaded packages and lists are of no use in the image and double its size. */
    private static void cleanApt(Path rootfs) throws IOException {
        for (Path dir : List.of(rootfs.resolve("var/cache/apt/archives"), rootfs.resolve("var/lib/apt/lists"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        if (Files.isRegularFile(file)) {
                            Files.delete(file);
                        }
                    }
                }
            }
        }
    }

    /** tar keeps owners, devices and hard links as debootstrap made them, which Java's own archiving would not. */
    private static void pack(Path rootfs, Path target) throws IOException, ImageBuildException {
        Process tar = new ProcessBuilder("tar", "-C", rootfs.toString(), "--numeric-owner", "-c", ".")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        tar.getOutputStream().close();
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target), 1 << 16)) {
            tar.getInputStream().transferTo(out);
        }
        try {
            if (tar.waitFor() != 0) {
                throw new ImageBuildException("tar could not pack the root file system (exit " + tar.exitValue()
                        + ").");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("The image build was interrupted.", e);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a root file system may hold files only root can delete; what is left is in the cache folder
        }
    }
}
