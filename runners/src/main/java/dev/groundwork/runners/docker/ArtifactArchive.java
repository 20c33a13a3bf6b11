package dev.groundwork.runners.docker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks what the daemon sends for one artifact path (a tar of that file or folder, named by its last part) into the
 * run's {@code artifacts/} folder. Only files and folders are written, and never outside that folder: a run is
 * untrusted code, and its archive could name {@code ../../somewhere}.
 */
final class ArtifactArchive {

    private ArtifactArchive() {}

    /** Unpacks {@code tar} into {@code into}; returns how many files it wrote. */
    static int extract(InputStream tar, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        int files = 0;
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("the artifact archive names " + entry.getName() + ", outside the run's"
                            + " artifacts folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile() && !entry.isSymbolicLink() && !entry.isLink()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    files++;
                }
            }
        }
        return files;
    }
}
