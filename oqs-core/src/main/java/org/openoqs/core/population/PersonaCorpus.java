package org.openoqs.core.population;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openoqs.core.message.QualificationConfirmSearchInfo;

/**
 * The valid number-inquiry corpus derived from {@link Personas}: one {@code OQSsiquc01req_} body per persona
 * plus {@code index.csv}, committed under {@code oqs-examples/src/main/resources/org/openoqs/examples/valid/}.
 * A test keeps the committed files equal to {@link #files()}.
 */
public final class PersonaCorpus {

    /** Demo 医療機関コード used by the corpus (check-digit valid: 011381001 → 4). */
    public static final String MEDICAL_INSTITUTION_CODE = "0113810014";
    /** QualificationConfirmationDate of every corpus request. */
    public static final String CONFIRMATION_DATE = "20260401";
    /** Header of {@code index.csv}. */
    public static final String INDEX_HEADER = "file,kind,expected,description";
    /** Resource folder (class-path form) of the valid corpus. */
    public static final String RESOURCE_DIR = "org/openoqs/examples/valid/";

    private PersonaCorpus() {
    }

    /** File name → UTF-8 text, in a fixed order; the last entry is {@code index.csv}. */
    public static Map<String, String> files() {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder(INDEX_HEADER).append('\n');
        for (Persona p : Personas.all()) {
            String file = p.key() + ".xml";
            out.put(file, requestXml(p));
            Csv.row(index, file, "OQSsiquc01req", "validity:" + p.expectedValidity().code(), p.title());
        }
        out.put("index.csv", index.toString());
        return out;
    }

    /** The {@code OQSsiquc01req_} file of a persona (INTERFACE.md §4.1). */
    public static String requestXml(Persona p) {
        QualificationConfirmSearchInfo q = p.inquiry();
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        sb.append("<XmlMsg>\n");
        sb.append("  <MessageHeader>\n");
        element(sb, 4, "QualificationConfirmationDate", CONFIRMATION_DATE);
        element(sb, 4, "MedicalInstitutionCode", MEDICAL_INSTITUTION_CODE);
        element(sb, 4, "ArbitraryFileIdentifier", "valid-" + p.key());
        sb.append("  </MessageHeader>\n");
        sb.append("  <MessageBody>\n");
        sb.append("    <QualificationConfirmSearchInfo>\n");
        element(sb, 6, "InsurerNumber", q.insurerNumber());
        element(sb, 6, "InsuredCardSymbol", q.insuredCardSymbol());
        element(sb, 6, "InsuredIdentificationNumber", q.insuredIdentificationNumber());
        element(sb, 6, "InsuredBranchNumber", q.insuredBranchNumber());
        element(sb, 6, "Birthdate", q.birthdate());
        element(sb, 6, "LimitApplicationCertificateRelatedConsFlg", "1");
        element(sb, 6, "ArbitraryIdentifier", q.arbitraryIdentifier());
        sb.append("    </QualificationConfirmSearchInfo>\n");
        sb.append("  </MessageBody>\n");
        sb.append("</XmlMsg>\n");
        return sb.toString();
    }

    private static void element(StringBuilder sb, int indent, String name, String value) {
        if (value == null) {
            return;
        }
        sb.append(" ".repeat(indent)).append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append(">\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
