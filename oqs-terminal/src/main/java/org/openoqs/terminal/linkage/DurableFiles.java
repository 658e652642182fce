package org.openoqs.terminal.linkage;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** File operations that survive a power loss once they return. */
final class DurableFiles {

    private DurableFiles() {
    }

    /** Creates or truncates {@code file}, writes {@code content} and forces it to the disk. */
    static void writeAndSync(Path file, byte[] content) throws IOException {
        // A plain stream rather than a FileChannel: an interrupt must not abort the write half-way.
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            out.write(content);
            out.getFD().sync();
        }
    }

    /**
     * Forces a folder's entries (renames, creations) to the disk. Best effort: Windows cannot open a folder this way,
     * and NTFS journals metadata changes anyway.
     */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here; see above
        }
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
