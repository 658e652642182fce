package org.openoqs.core.codec;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlNode;

/**
 * 照会番号 単件登録 ({@code OQSsiimm01req_} → {@code OQSsiimm01res_}, INTERFACE.md §4.6) as XML: the request's header
 * fields and its {@code ReferenceNumberRegistrationInfo} block, and the result — {@code SegmentOfResult} 9 with
 * {@code ErrorCode}/{@code ErrorMessage} for a fault of the file, else {@code ProcessingResultStatus} 1, or 2 with the
 * block's fault, and the block echoed as it came. 照会番号 一括登録 ({@code OQSmuimm}) carries the same block.
 */
public final class ReferenceNumberMessages {

    public static final String BLOCK = "ReferenceNumberRegistrationInfo";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private ReferenceNumberMessages() {
    }

    /**
     * The request as far as the header goes.
     *
     * @param medicalInstitutionCode  as written, {@code null} when absent
     * @param arbitraryFileIdentifier as written, {@code null} when absent
     * @param hasBody                 whether a {@code MessageBody} is there
     * @param block                   the registration block as it came (echoed in the result), {@code null} when absent
     */
    public record Request(String medicalInstitutionCode, String arbitraryFileIdentifier, boolean hasBody,
            XmlNode block) {
    }

    /** The fields of a registration block as written; each {@code null} when absent (or the block is). */
    public record RegistrationInfo(String referenceNumber, String insurerNumber, String insuredCardSymbol,
            String insuredIdentificationNumber, String insuredBranchNumber) {

        public static RegistrationInfo of(XmlNode block) {
            return new RegistrationInfo(text(block, "ReferenceNumber"), text(block, "InsurerNumber"),
                    text(block, "InsuredCardSymbol"), text(block, "InsuredIdentificationNumber"),
                    text(block, "InsuredBranchNumber"));
        }

        /** The block as a request carries it; absent fields are left out. */
        public XmlNode toXml() {
            return XmlNode.builder(BLOCK)
                    .leaf("ReferenceNumber", referenceNumber)
                    .leaf("InsurerNumber", insurerNumber)
                    .leaf("InsuredCardSymbol", insuredCardSymbol)
                    .leaf("InsuredIdentificationNumber", insuredIdentificationNumber)
                    .leaf("InsuredBranchNumber", insuredBranchNumber)
                    .build();
        }

        private static String text(XmlNode block, String name) {
            return block == null ? null : block.text(name).orElse(null);
        }
    }

    /**
     * Reads a request document.
     *
     * @throws MessageFormatException {@link ErrorCode#WRONG_ROOT} or {@link ErrorCode#MISSING_MESSAGE_HEADER}: the
     *         file is no message at all, and its result echoes nothing of it
     */
    public static Request readRequest(XmlNode root) {
        if (!"XmlMsg".equals(root.name())) {
            throw new MessageFormatException(ErrorCode.WRONG_ROOT, null, null);
        }
        XmlNode header = root.child("MessageHeader")
                .orElseThrow(() -> new MessageFormatException(ErrorCode.MISSING_MESSAGE_HEADER, null, null));
        return new Request(header.text("MedicalInstitutionCode").orElse(null),
                header.text("ArbitraryFileIdentifier").orElse(null), root.child("MessageBody").isPresent(),
                root.child("MessageBody").flatMap(b -> b.child(BLOCK)).orElse(null));
    }

    /** The answer to a file whose block was read: registered ({@code blockFault} null) or refused with the fault. */
    public static XmlNode result(String institutionCode, String fileId, LocalDateTime now, CharacterCode characterCode,
            Violation blockFault, XmlNode echoedBlock) {
        XmlNode.Builder body = XmlNode.builder("MessageBody")
                .leaf("ProcessingResultStatus", blockFault != null ? "2" : "1");
        if (blockFault != null) {
            body.leaf("ProcessingResultCode", blockFault.code().code())
                    .leaf("ProcessingResultMessage", blockFault.message());
        }
        if (echoedBlock != null) {
            body.child(echoedBlock);
        }
        return XmlNode.element("XmlMsg", header(institutionCode, fileId, now, characterCode, null).build(),
                body.build());
    }

    /** The answer to a file refused as a whole: {@code SegmentOfResult} 9, an empty body. */
    public static XmlNode fileError(String institutionCode, String fileId, LocalDateTime now,
            CharacterCode characterCode, Violation fault) {
        return XmlNode.element("XmlMsg", header(institutionCode, fileId, now, characterCode, fault).build(),
                XmlNode.builder("MessageBody").build());
    }

    private static XmlNode.Builder header(String institution, String fileId, LocalDateTime now,
            CharacterCode characterCode, Violation fileFault) {
        XmlNode.Builder h = XmlNode.builder("MessageHeader")
                .leaf("ProcessExecutionTime", now.format(DATE_TIME))
                .leaf("MedicalInstitutionCode", institution)
                .leaf("ArbitraryFileIdentifier", fileId)
                .leaf("SegmentOfResult", fileFault == null ? "1" : "9");
        if (fileFault != null) {
            h.leaf("ErrorCode", fileFault.code().code()).leaf("ErrorMessage", fileFault.message());
        }
        return h.leaf("CharacterCodeIdentifier", characterCode.code());
    }
}
