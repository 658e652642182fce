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
 */
public record RequestFile(String name, byte[] content, boolean oversized) {

    public RequestFile {
        Objects.requireNonNull(name, "name");
        if (oversized != (content == null)) {
            throw new IllegalArgumentException("content must be null exactly when the request is oversized");
        }
    }

    /** A request whose content was read. */
    public RequestFile(String name, byte[] content) {
        this(name, Objects.requireNonNull(content, "content"), false);
    }

    /** A request too large to be read into memory. */
    public static RequestFile oversizedFile(String name) {
        return new RequestFile(name, null, true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestFile that && name.equals(that.name) && oversized == that.oversized
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, oversized, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "RequestFile[" + name + (oversized ? ", oversized" : ", " + content.length + " bytes") + "]";
    }
}
