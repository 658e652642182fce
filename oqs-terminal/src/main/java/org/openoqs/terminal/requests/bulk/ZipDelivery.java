package org.openoqs.terminal.requests.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The rule for large bulk results (INTERFACE.md §2.3: a {@code …02res_} may arrive as {@code .zip} even where
 * files are not encrypted): a result file larger than {@value #THRESHOLD_BYTES} bytes (1 MiB, a few hundred
 * persons) is published as {@code <name>.zip} with one plain (deflated, not encrypted) entry, the {@code .xml} file
 * under its own name. Smaller results are published as {@code .xml}.
 */
public final class ZipDelivery {

    public static final int THRESHOLD_BYTES = 1024 * 1024;

    private ZipDelivery() {
    }

    static byte[] zip(String entryName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 8 + 1024);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(1); // results are very repetitive XML: the fastest level already shrinks them ~15×
            ZipEntry entry = new ZipEntry(entryName);
            entry.setTimeLocal(LocalDateTime.now().withNano(0));
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("zipping in memory failed", e);
        }
        return out.toByteArray();
    }
}
