package org.openoqs.terminal.linkage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells from a file's last bytes that its writer has finished, so a request can be taken at once instead of
 * after the size-and-time stability wait (which would add its whole length to every answer). Only positive
 * evidence counts: an XML request whose last non-blank bytes close the {@code XmlMsg} root, or a ZIP whose
 * end-of-central-directory record (written last) is in place. Anything else falls back to the stability wait.
 */
final class CompleteFileCheck {

    private static final byte[] XML_END = "</XmlMsg>".getBytes(StandardCharsets.US_ASCII);
    private static final int ZIP_EOCD_SIGNATURE = 0x06054b50;
    private static final int ZIP_EOCD_LENGTH = 22;
    private static final int TAIL = 64;

    private CompleteFileCheck() {
    }

    static boolean looksComplete(Path file, long size) {
        if (size <= 0) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int length = (int) Math.min(TAIL, size);
            ByteBuffer tail = ByteBuffer.allocate(length);
            channel.read(tail, size - length);
            byte[] bytes = tail.array();
            return endsWithXmlRoot(bytes) || endsWithZipDirectory(bytes);
        } catch (IOException unreadable) {
            return false;
        }
    }

    // "</XmlMsg>" is ASCII in UTF-8 and Shift_JIS alike; trailing whitespace (CRLF) is allowed.
    private static boolean endsWithXmlRoot(byte[] tail) {
        int end = tail.length;
        while (end > 0 && (tail[end - 1] == ' ' || tail[end - 1] == '\n' || tail[end - 1] == '\r'
                || tail[end - 1] == '\t')) {
            end--;
        }
        int start = end - XML_END.length;
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < XML_END.length; i++) {
            if (tail[start + i] != XML_END[i]) {
                return false;
            }
        }
        return true;
    }

    // Archives without a trailing comment end with the 22-byte EOCD record, the last thing a ZIP writer writes.
    private static boolean endsWithZipDirectory(byte[] tail) {
        if (tail.length < ZIP_EOCD_LENGTH) {
            return false;
        }
        int at = tail.length - ZIP_EOCD_LENGTH;
        int signature = (tail[at] & 0xff) | (tail[at + 1] & 0xff) << 8 | (tail[at + 2] & 0xff) << 16
                | (tail[at + 3] & 0xff) << 24;
        return signature == ZIP_EOCD_SIGNATURE;
    }
}
