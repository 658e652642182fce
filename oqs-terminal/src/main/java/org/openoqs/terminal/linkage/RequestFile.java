package org.openoqs.terminal.linkage;

import java.util.Arrays;
import java.util.Objects;

/**
 * A claimed request as handed to the {@link RequestProcessor}.
 *
 * @param name      the file name as the レセコン wrote it, e.g. {@code OQSsiquc01req_202504010001.xml}
 * @param content   the raw bytes; {@code null} exactly when {@code oversized}
 * @param oversized the file is larger than {@link LinkageSettings#maxRequestBytes()} and was deliberately not read;
 *                  the processor should answer with an "oversized" error result
 * @param notRegularFile the name in {@code req} was a symbolic link (or another non-regular entry) when it was
 *                  claimed; it was not followed and not read, and the router answers it with
 *                  {@code OQSF1500} (REQUEST_NOT_A_REGULAR_FILE)
 */
public record RequestFile(String name, byte[] content, boolean oversized, boolean notRegularFile) {

    public RequestFile {
        Objects.requireNonNull(name, "name");
        if (oversized && notRegularFile) {
            throw new IllegalArgumentException("a request is refused for one reason");
        }
        if ((oversized || notRegularFile) != (content == null)) {
            throw new IllegalArgumentException("content must be null exactly when the request was not read");
        }
    }

    /** A request whose content was read. */
    public RequestFile(String name, byte[] content) {
        this(name, Objects.requireNonNull(content, "content"), false, false);
    }

    /** A request too large to be read into memory. */
    public static RequestFile oversizedFile(String name) {
        return new RequestFile(name, null, true, false);
    }

    /** A request name that held a symbolic link or another non-regular entry: never followed, never read. */
    public static RequestFile notARegularFile(String name) {
        return new RequestFile(name, null, false, true);
    }

    /** True when the content was deliberately not read (oversized, or not a regular file). */
    public boolean unread() {
        return content == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestFile that && name.equals(that.name) && oversized == that.oversized
                && notRegularFile == that.notRegularFile && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, oversized, notRegularFile, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        String what = oversized ? "oversized" : notRegularFile ? "not a regular file" : content.length + " bytes";
        return "RequestFile[" + name + ", " + what + "]";
    }
}
