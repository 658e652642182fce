package org.openoqs.core.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;

/** Each field of a YZK/TKK request gets its specific code; a good one is accepted with its defaults. */
class MedicalInformationIntakeTest {

    static final YearMonth NOW = YearMonth.of(2026, 11);

    static XmlNode request(String header, String body) {
        return new XmlDocumentReader().read(("<XmlMsg><MessageHeader><MedicalInstitutionCode>0113810014</MedicalInstitutionCode>"
                + header + "</MessageHeader><MessageBody>" + body + "</MessageBody></XmlMsg>").getBytes());
    }

    static String code(XmlNode root, MedicalInformationKind kind) {
        MedicalInformationIntake.Outcome o = MedicalInformationIntake.check(root, kind, "0113810014", NOW);
        return o instanceof MedicalInformationIntake.Rejected r ? r.violation().code().code() : "OK";
    }

    static final String KEYS = "<InsurerNumber>06199905</InsurerNumber><InsuredPersonIdentificationNumber>4501"
            + "</InsuredPersonIdentificationNumber>";

    @Test
    void everyBrokenFieldHasItsCode() {
        assertThat(code(request("", "<FileCategory>2</FileCategory>"), MedicalInformationKind.DRUG)).isEqualTo("OQSP2101");
        assertThat(code(request("<InsurerNumber>06199906</InsurerNumber><InsuredPersonIdentificationNumber>1"
                + "</InsuredPersonIdentificationNumber>", "<FileCategory>2</FileCategory>"), MedicalInformationKind.DRUG))
                .isEqualTo("OQSP2103");
        assertThat(code(request(KEYS, "<FileCategory>5</FileCategory>"), MedicalInformationKind.DRUG)).isEqualTo("OQSP3111");
        assertThat(code(request(KEYS, "<FileCategory>3</FileCategory>"), MedicalInformationKind.HEALTH_CHECKUP))
                .isEqualTo("OQSP3111");
        assertThat(code(request(KEYS, "<FileCategory>2</FileCategory><StartDate>202613</StartDate>"),
                MedicalInformationKind.DRUG)).isEqualTo("OQSP3112");
        assertThat(code(request(KEYS, "<FileCategory>2</FileCategory><StartDate>202001</StartDate><EndDate>202611</EndDate>"),
                MedicalInformationKind.DRUG)).isEqualTo("OQSP3112");
        assertThat(code(request(KEYS, "<FileCategory>2</FileCategory><MedicalTreatmentFlag>4</MedicalTreatmentFlag>"),
                MedicalInformationKind.DRUG)).isEqualTo("OQSP3113");
        assertThat(code(request(KEYS + "<BranchNumber>1</BranchNumber>", "<FileCategory>2</FileCategory>"),
                MedicalInformationKind.DRUG)).isEqualTo("OQSP2131");
    }

    @Test
    void aGoodRequestDefaultsToTheLastTwelveMonthsOutpatient() {
        var o = MedicalInformationIntake.check(request(KEYS, "<FileCategory>1</FileCategory>"), MedicalInformationKind.DRUG,
                "0113810014", NOW);
        MedicalInformationRequest r = ((MedicalInformationIntake.Accepted) o).request();
        assertThat(r.from()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(r.to()).isEqualTo(NOW);
        assertThat(r.wantsPdf()).isTrue();
        assertThat(MedicalInformationIntake.check(request(KEYS, "<FileCategory>2</FileCategory>"),
                MedicalInformationKind.DRUG, "1313810010", NOW)).isInstanceOf(MedicalInformationIntake.Rejected.class);
    }
}
