package dev.groundwork.runners.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A run's checked-out workspace as a tar whose entries sit under {@code workspace/}, owned by the user the run executes
 * as, so that the run can write into its own folder (its checkpoints, its outputs) without root. A user given by name
 * cannot be mapped to an id here, so then every entry is writable by all instead. Modes (an executable script) and
 * symbolic links are kept; other special files are left out.
 */
final class WorkspaceArchive {

    /** The folder the entries sit under; copied to {@code /}, it becomes {@link ContainerRequest#WORKDIR}. */
    static final String FOLDER = "workspace";

    private WorkspaceArchive() {}

    static void write(Path workspace, String user, OutputStream out) throws IOException {
        Ids ids = Ids.of(user);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(workspace)) {
                paths = walk.sorted().toList();
            }
            for (Path path : paths) {
                String relative = workspace.relativize(path).toString().replace('\\', '/');
                String name = relative.isEmpty() ? FOLDER : FOLDER + "/" + relative;
                TarArchiveEntry entry;
                boolean regular = false;
                if (Files.isSymbolicLink(path)) {
                    entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                    entry.setLinkName(Files.readSymbolicLink(path).toString());
                } else if (Files.isDirectory(path)) {
                    entry = new TarArchiveEntry(name + "/");
                    entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | mode(path, ids, true));
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    entry = new TarArchiveEntry(name);
                    entry.setSize(Files.size(path));
                    regular = true;
                    entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode(path, ids, false));
                } else {
                    continue;
                }
                entry.setUserId(ids.uid());
                entry.setGroupId(ids.gid());
                entry.setModTime(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis());
                tar.putArchiveEntry(entry);
                if (regular) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static int mode(Path path, Ids ids, boolean directory) throws IOException {
        int mode;
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            mode = 0;
            for (PosixFilePermission permission : permissions) {
                mode |= 1 << (8 - permission.ordinal());
            }
        } catch (UnsupportedOperationException e) {
            mode = directory || Files.isExecutable(path) ? 0755 : 0644;
        }
        mode |= directory ? 0700 : 0600; // the run's user owns it and may always write it
        return ids.known() ? mode : mode | (directory ? 0777 : 0666);
    }

    /** The numeric owner for {@code uid[:gid]}; root's for a name, which then gets write access through the mode. */
    record Ids(int uid, int gid, boolean known) {
        static Ids of(String user) {
            String[] parts = user.split(":", 2);
            if (ContainerRequest.runsAsRoot(user)) {
                return new Ids(0, 0, true);
            }
            if (!parts[0].matches("\\d{1,9}") || parts.length == 2 && !parts[1].matches("\\d{1,9}")) {
                return new Ids(0, 0, false);
            }
            int uid = Integer.parseInt(parts[0]);
            return new Ids(uid, parts.length == 2 ? Integer.parseInt(parts[1]) : uid, true);
        }
    }
}
