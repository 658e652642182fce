package org.openoqs.core.bulk;

import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.xml.XmlNode;

/**
 * One {@code BulkRegistrationUnit} of an {@code OQSmuimm02res_} (INTERFACE.md §4.6): the registration block as the
 * facility wrote it, and whether its 照会番号 was registered.
 *
 * @param registrationInfoEcho the request's {@code ReferenceNumberRegistrationInfo}, verbatim
 */
public record BulkRegistrationUnit(
        XmlNode registrationInfoEcho,
        ProcessingResultStatus processingResultStatus,
        String processingResultCode,
        String processingResultMessage) {

    /** The element of a {@code …02res_} body this record is. */
    public static final String ELEMENT = "BulkRegistrationUnit";
    public static final String REGISTRATION_INFO = "ReferenceNumberRegistrationInfo";

    public boolean isError() {
        return processingResultStatus == ProcessingResultStatus.ERROR;
    }
}
