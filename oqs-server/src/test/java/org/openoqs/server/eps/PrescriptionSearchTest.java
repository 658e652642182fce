package org.openoqs.server.eps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.eps.EpsFixture.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.facility.EPrescriptionUse;

/** 処方箋検索 by insurance numbers and issue-date range: only the caller's own prescriptions, ranges checked. */
class PrescriptionSearchTest {

    static final EpsFixture eps = new EpsFixture();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    static EpsFixture.Facility clinic;
    static EpsFixture.Facility otherClinic;
    static String issuedId;

    @BeforeAll
    static void setUp() {
        clinic = eps.facility('1', EPrescriptionUse.ELECTRONIC_AND_PAPER);
        otherClinic = eps.facility('1', EPrescriptionUse.ELECTRONIC_AND_PAPER);
        issuedId = text(eps.call(clinic, EpsOperation.REGISTER, EpsFixture.register(
                EpsFixture.signed(eps.doctor(), EpsFixture.document(clinic.code(), "5001", TODAY)),
                PrescriptionIssueSelect.ELECTRONIC)), "PrescriptionId");
    }

    private static XmlNode search(EpsFixture.Facility caller, String number, LocalDate from, LocalDate to) {
        return eps.call(caller, EpsOperation.SEARCH, EpsFixture.body().leaf("InsurerNumber", "06139992")
                .leaf("InsuredCardSymbol", "記号１").leaf("InsuredIdentificationNumber", number)
                .leaf("InsuredBranchNumber", "00")
                .leaf("IssueDateFrom", from == null ? null : from.format(DateTimeFormatter.BASIC_ISO_DATE))
                .leaf("IssueDateTo", to == null ? null : to.format(DateTimeFormatter.BASIC_ISO_DATE)));
    }

    @Test
    void findsTheOwnPrescriptionByNumbersAndDate() {
        XmlNode found = search(clinic, "5001", TODAY.minusDays(1), TODAY);
        assertThat(found.children("PrescriptionIdList")).hasSize(1);
        assertThat(text(found, "PrescriptionIdList", "PrescriptionId")).isEqualTo(issuedId);
        assertThat(text(found, "PrescriptionIdList", "AccessCode")).matches("\\d{10}");
        assertThat(text(found, "PrescriptionIdList", "CreateDateTime")).matches("\\d{14}");
        assertThat(text(found, "PrescriptionIdList", "PrescriptionStatus")).isEqualTo("未受付");
        assertThat(search(clinic, "5001", null, null).children("PrescriptionIdList")).as("default range").hasSize(1);
    }

    @Test
    void otherDatesNumbersAndFacilitiesFindNothing() {
        assertThat(text(search(clinic, "5001", TODAY.minusDays(30), TODAY.minusDays(1)), "ProcessingResultCode"))
                .isEqualTo("EPSB1021I");
        assertThat(text(search(clinic, "5002", TODAY, TODAY), "ProcessingResultCode")).isEqualTo("EPSB1021I");
        XmlNode other = search(otherClinic, "5001", TODAY, TODAY);
        assertThat(text(other, "ProcessingResultStatus")).isEqualTo("1");
        assertThat(other.children("PrescriptionIdList")).isEmpty();
    }

    @Test
    void rangesAndNumbersAreChecked() {
        assertThat(text(search(clinic, "5001", TODAY, TODAY.minusDays(1)), "ProcessingResultCode")).isEqualTo("EPSA1103E");
        assertThat(text(search(clinic, "5001", TODAY.minusDays(400), TODAY), "ProcessingResultCode")).isEqualTo("EPSA1104E");
        XmlNode badInsurer = eps.call(clinic, EpsOperation.SEARCH, EpsFixture.body().leaf("InsurerNumber", "06139993")
                .leaf("InsuredIdentificationNumber", "5001"));
        assertThat(text(badInsurer, "ProcessingResultCode")).isEqualTo("EPSA1105E");
    }
}
