package org.openoqs.terminal.linkage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The answer to one request: the file the agent publishes in the {@code res} folder.
 *
 * @param resultFileName a plain file name (no folder), usually the request name with {@code req_} replaced by
 *                       {@code res_}; the extension may differ ({@code .pdf}, {@code .zip})
 * @param content        the bytes to publish
 */
public record ProcessedResult(String resultFileName, byte[] content) {

    private static final byte[] FILE_ERROR_MARKER =
            "<SegmentOfResult>9</SegmentOfResult>".getBytes(StandardCharsets.US_ASCII);

    public ProcessedResult {
        requirePlainFileName(resultFileName);
        Objects.requireNonNull(content, "content");
    }

    /**
     * True when the result says the whole file failed ({@code SegmentOfResult} 9, in UTF-8 and Shift_JIS alike, the
     * tag being ASCII). Encrypted ({@code .zip}) and PDF results cannot be read here and count as answers.
     */
    public boolean reportsFileError() {
        byte[] marker = FILE_ERROR_MARKER;
        outer:
        for (int i = 0; i + marker.length <= content.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (content[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // The name ends up on an SMB share read by Windows machines, and names starting with '.' are reserved for
    // the agent's own temporary files.
    private static void requirePlainFileName(String name) {
        Objects.requireNonNull(name, "resultFileName");
        if (name.isEmpty() || name.startsWith(".")) {
            throw new IllegalArgumentException("result file name must not be empty or start with '.': " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || "/\\:*?\"<>|".indexOf(c) >= 0) {
                throw new IllegalArgumentException("result file name must be a plain file name: " + name);
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProcessedResult that && resultFileName.equals(that.resultFileName)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resultFileName, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "ProcessedResult[" + resultFileName + ", " + content.length + " bytes]";
    }
}
