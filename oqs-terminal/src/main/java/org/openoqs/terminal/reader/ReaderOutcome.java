package org.openoqs.terminal.reader;

import java.nio.file.Path;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.error.ErrorCode;

/**
 * What the reader shows after a confirmation: the face file written (success), or the refusal with its code and
 * Japanese message. {@code remainingTries} is set after a wrong PIN.
 */
public record ReaderOutcome(boolean success, ErrorCode errorCode, String message, Path faceFile,
        QualificationValidity validity, String personName, int remainingTries, long elapsedMillis) {

    static ReaderOutcome refused(ErrorCode code, String message, int remainingTries, long elapsedMillis) {
        return new ReaderOutcome(false, code, message, null, null, null, remainingTries, elapsedMillis);
    }

    /** A written face file whose qualification is not in force (validity 2, 3) still counts as a result. */
    public boolean qualificationValid() {
        return validity == QualificationValidity.VALID || validity == QualificationValidity.VALID_UNREGISTERED;
    }
}
