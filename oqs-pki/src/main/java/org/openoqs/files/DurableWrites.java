package org.openoqs.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The one way openoqs puts a file in place that another party reads or that must survive a crash: results, face
 * files, the journal, keys and certificates, packages, CA files, demo.properties, the credential store.
 *
 * <ul>
 *   <li>The content goes to a temporary file in the target's own folder (a rename is atomic only within one file
 *       system) whose name holds 64 random bits, so nobody can plant a link under it in advance;</li>
 *   <li>the temporary file is created with {@code CREATE_NEW} ({@code O_EXCL}: an existing name, a symbolic link
 *       included, is refused, never followed) and {@code NOFOLLOW_LINKS}, with the stated permissions from its
 *       first byte (and set again without following links, because the umask may have removed some);</li>
 *   <li>file and folder are forced to the disk, so the rename survives a power loss once the method returns;</li>
 *   <li>the rename never follows links: a symbolic link at the target name is replaced as an entry, nothing is
 *       written through it.</li>
 * </ul>
 *
 * Lives in oqs-pki because that is the lowest module that already does file I/O and every module that writes
 * files (oqs-terminal, oqs-server, oqs-app) depends on it; oqs-core must stay free of I/O.
 */
public final class DurableWrites {

    /** Keys, passwords, databases, the terminal's own state: the owner only. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** Results and face files: the owner and the share group (the レセコン's account), never other users. */
    public static final Set<PosixFilePermission> OWNER_AND_GROUP = PosixFilePermissions.fromString("rw-rw----");
    /** Certificates, CRLs, trust stores, packages: public material a service running as another user reads. */
    public static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final int MAX_NAME_PART = 80;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DurableWrites() {
    }

    /**
     * Writes {@code content} to {@code target}, replacing what is there, atomically and durably; creates the folder
     * if needed.
     */
    public static void replace(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        write(target, content, permissions, true, true);
    }

    /**
     * Like {@link #replace} but refuses ({@link FileAlreadyExistsException}) when a regular file or a folder already
     * has the target name, and expects the folder to exist: an earlier result not collected yet must not be overwritten. A symbolic link there is no
     * file of ours; it is replaced as an entry, never followed.
     */
    public static void publishNew(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        write(target, content, permissions, false, true);
    }

    /**
     * {@link #publishNew} without forcing anything to the disk: for files whose loss in a power cut costs nothing and
     * whose writer must not pay for an fsync (a benchmark playing a レセコン, which does not sync either). Still
     * atomic, exclusive and link-safe.
     */
    public static void publishNewUnsynced(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        write(target, content, permissions, false, false);
    }

    /**
     * Renames {@code source} to {@code target} atomically (a file or a folder; a link is moved as a link), then
     * forces the folder(s) to the disk.
     *
     * @param replace whether an existing target (not a non-empty folder) may be replaced
     */
    public static void moveIntoPlace(Path source, Path target, boolean replace) throws IOException {
        if (!replace) {
            refuseExisting(target);
        }
        rename(source, target);
        syncDirectory(parentOf(target));
        Path sourceFolder = parentOf(source);
        if (!sourceFolder.equals(parentOf(target))) {
            syncDirectory(sourceFolder);
        }
    }

    /** True for the names this class gives its temporary files; such leftovers of a crash may be deleted. */
    public static boolean isTemporaryName(String name) {
        return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX) && name.length() > TEMPORARY_SUFFIX.length() + 1;
    }

    /**
     * Forces a folder's entries (renames, creations) to the disk. Best effort: Windows cannot open a folder this way,
     * and NTFS journals metadata changes anyway.
     */
    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here; see above
        }
    }

    private static void write(Path target, byte[] content, Set<PosixFilePermission> permissions, boolean replace,
            boolean sync) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = parentOf(absolute);
        if (replace) {
            Files.createDirectories(folder);
        } else {
            refuseExisting(absolute); // a missing or broken folder fails here: a publication never creates it
        }
        Path temporary = folder.resolve(temporaryName(absolute.getFileName().toString()));
        try {
            writeNewFile(temporary, content, permissions, sync);
            if (replace) {
                rename(temporary, absolute);
            } else {
                linkWithoutReplacing(temporary, absolute);
            }
        } finally {
            Files.deleteIfExists(temporary); // gone after a successful rename; removes a failed attempt's file
        }
        if (sync) {
            syncDirectory(folder);
        }
    }

    private static String temporaryName(String targetName) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String visible = targetName.length() > MAX_NAME_PART ? targetName.substring(0, MAX_NAME_PART) : targetName;
        return "." + visible + "." + HexFormat.of().formatHex(random) + TEMPORARY_SUFFIX;
    }

    private static void writeNewFile(Path file, byte[] content, Set<PosixFilePermission> permissions, boolean sync)
            throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
        // A pending interrupt would close the channel before the first byte; it is kept for the caller instead.
        boolean interrupted = Thread.interrupted();
        try (FileChannel channel = FileChannel.open(file, options, attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (sync) {
                channel.force(true);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (posix) {
            // The umask may have taken bits away at creation; set exactly what was stated, on the file itself.
            Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(permissions);
        }
    }

    private static void refuseExisting(Path target) throws IOException {
        BasicFileAttributes existing;
        try {
            existing = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return;
        }
        if (!existing.isSymbolicLink()) {
            throw new FileAlreadyExistsException(target.toString(), null, "already there; not replaced");
        }
    }

    /**
     * A hard link fails on any existing name ({@code link(2)}: {@code EEXIST}), so a file that appeared after the
     * check is never replaced. A symbolic link there is removed as an entry (never followed) and the link retried.
     * File systems without hard links fall back to the rename after the check above.
     */
    private static void linkWithoutReplacing(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            refuseExisting(target); // throws unless it is a symbolic link
            Files.deleteIfExists(target);
            Files.createLink(target, temporary);
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            rename(temporary, target);
        }
    }

    // rename(2) replaces the target entry itself: a link there is never followed.
    private static void rename(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("not a file in a folder: " + file);
        }
        return parent;
    }
}
