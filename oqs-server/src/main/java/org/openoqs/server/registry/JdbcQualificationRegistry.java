package org.openoqs.server.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.LimitApplicationCertificateClassification;
import org.openoqs.core.code.LimitApplicationCertificateClassificationFlag;
import org.openoqs.core.code.PersonalFamilyClassification;
import org.openoqs.core.code.PreschoolClassification;
import org.openoqs.core.code.ReasonOfLoss;
import org.openoqs.core.code.Sex;
import org.openoqs.core.code.SpecificDiseasesDiseaseCategory;
import org.openoqs.core.message.ElderlyRecipientCertificateInfo;
import org.openoqs.core.message.LimitApplicationCertificateRelatedInfo;
import org.openoqs.core.message.SpecificDiseasesCertificateInfo;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.registry.InsuranceIdentifiers;
import org.openoqs.core.code.ConsistencyFlag;
import org.openoqs.core.code.MedicalTreatmentType;
import org.openoqs.core.code.SingleOrCombinedUse;
import org.openoqs.core.code.StatusOfElderlyMedicalCare;
import org.openoqs.core.code.StatusOfInfection;
import org.openoqs.core.code.StatusOfPrefecturalExpenses;
import org.openoqs.core.code.StatusOfSocialInsurance;
import org.openoqs.core.message.MedicalTicketDetails;
import org.openoqs.core.registry.MedicalTicket;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;
import org.openoqs.core.registry.QualificationRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@link QualificationRegistry} on the service's database. A number lookup is one indexed query
 * ({@code qualification_numbers_ix} on insurer number + normalised 番号); the 特定疾病 and 医療券 child tables
 * are read only for qualifications whose row says it has such children.
 */
@Repository
public class JdbcQualificationRegistry implements QualificationRegistry {

    static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("uuuuMM");

    private static final String QUALIFICATION_COLUMNS = "qualification_id, person_id, insured_card_classification, "
            + "insurer_number, insurer_name, insured_card_symbol, insured_identification_number, insured_branch_number, "
            + "personal_family_classification, insured_name, qualification_date, disqualification_date, reason_of_loss, "
            + "insured_certificate_issuance_date, insured_card_valid_date, insured_card_expiration_date, "
            + "partial_contribution_ratio, preschool_classification, elderly_certificate_date, elderly_valid_start_date, "
            + "elderly_valid_end_date, elderly_contribution_ratio, limit_classification, limit_classification_flag, "
            + "limit_certificate_date, limit_valid_start_date, limit_valid_end_date, limit_long_term_date, "
            + "specific_disease_count, medical_ticket_count";

    private final JdbcTemplate jdbc;

    public JdbcQualificationRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Qualification> findByNumbers(InsurerNumber insurer, String insuredIdentificationNumber) {
        String key = InsuranceIdentifiers.normalize(insuredIdentificationNumber);
        if (key.isEmpty()) {
            return List.of();
        }
        return loadQualifications("select " + QUALIFICATION_COLUMNS + " from qualification "
                + "where insurer_number = ? and insured_identification_number_key = ?", insurer.digits(), key);
    }

    @Override
    public List<Qualification> qualificationsOf(String personId) {
        return loadQualifications("select " + QUALIFICATION_COLUMNS + " from qualification where person_id = ?", personId);
    }

    @Override
    public Optional<Person> person(String personId) {
        return jdbc.query("select person_id, name, name_kana, sex, birthdate, post_number, address from person "
                + "where person_id = ?", JdbcQualificationRegistry::mapPerson, personId).stream().findFirst();
    }

    /** The My Number Card with this id. */
    public Optional<MyNumberCard> card(String cardId) {
        return jdbc.query("select card_id, person_id, status, certificate_expiry from my_number_card where card_id = ?",
                JdbcQualificationRegistry::mapCard, cardId).stream().findFirst();
    }

    /** Every card of a person. */
    public List<MyNumberCard> cardsOf(String personId) {
        return jdbc.query("select card_id, person_id, status, certificate_expiry from my_number_card where person_id = ? "
                + "order by card_id", JdbcQualificationRegistry::mapCard, personId);
    }

    public long personCount() {
        Long n = jdbc.queryForObject("select count(*) from person", Long.class);
        return n == null ? 0 : n;
    }

    // ------------------------------------------------------------------------------------------------ mapping

    private List<Qualification> loadQualifications(String sql, Object... args) {
        List<Row> rows = jdbc.query(sql, (rs, i) -> new Row(mapQualification(rs),
                rs.getInt("specific_disease_count"), rs.getInt("medical_ticket_count")), args);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Qualification> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Qualification q = row.qualification;
            if (row.diseases > 0 || row.tickets > 0) {
                q = q.toBuilder()
                        .specificDiseasesCertificates(row.diseases > 0 ? diseases(q.qualificationId()) : List.of())
                        .medicalTickets(row.tickets > 0 ? tickets(q.qualificationId()) : List.of())
                        .build();
            }
            result.add(q);
        }
        return List.copyOf(result);
    }

    private List<SpecificDiseasesCertificateInfo> diseases(String qualificationId) {
        return jdbc.query("select disease_category, certificate_date, valid_start_date, valid_end_date, self_pay "
                        + "from specific_disease_certificate where qualification_id = ? order by seq",
                (rs, i) -> new SpecificDiseasesCertificateInfo(
                        code(SpecificDiseasesDiseaseCategory.class, rs.getString("disease_category")),
                        date(rs, "certificate_date"), date(rs, "valid_start_date"), date(rs, "valid_end_date"),
                        rs.getString("self_pay")),
                qualificationId);
    }

    private List<MedicalTicket> tickets(String qualificationId) {
        return jdbc.query("select * from medical_ticket where qualification_id = ? order by seq",
                (rs, i) -> new MedicalTicket(rs.getString("issue_number"),
                        YearMonth.parse(rs.getString("medical_treatment_month").strip(), YEAR_MONTH),
                        date(rs, "valid_date"), date(rs, "expiration_date"),
                        rs.getString("designated_medical_institution_code"), ticketDetails(rs)),
                qualificationId);
    }

    private static MedicalTicketDetails ticketDetails(ResultSet rs) throws SQLException {
        return new MedicalTicketDetails(rs.getString("designated_medical_institution_name"),
                rs.getString("prescription_issuer_code"), rs.getString("prescription_issuer_name"),
                Arrays.asList(rs.getString("injury_name_1"), rs.getString("injury_name_2"), rs.getString("injury_name_3")),
                code(MedicalTreatmentType.class, rs.getString("medical_treatment_type")),
                rs.getString("self_pay_amount"), rs.getString("district_contact_name"),
                rs.getString("handling_contact_name"),
                code(SingleOrCombinedUse.class, rs.getString("single_or_combined_use")),
                code(StatusOfSocialInsurance.class, rs.getString("status_of_social_insurance")),
                code(ConsistencyFlag.class, rs.getString("consistency_flag")),
                code(StatusOfInfection.class, rs.getString("status_of_infection")),
                code(StatusOfElderlyMedicalCare.class, rs.getString("status_of_elderly_medical_care")),
                code(StatusOfPrefecturalExpenses.class, rs.getString("status_of_prefectural_expenses")),
                Arrays.asList(rs.getString("remarks_1"), rs.getString("remarks_2"), rs.getString("remarks_3")));
    }

    private static Qualification mapQualification(ResultSet rs) throws SQLException {
        ElderlyRecipientCertificateInfo elderly = null;
        if (rs.getString("elderly_contribution_ratio") != null || rs.getObject("elderly_valid_start_date") != null) {
            elderly = new ElderlyRecipientCertificateInfo(date(rs, "elderly_certificate_date"),
                    date(rs, "elderly_valid_start_date"), date(rs, "elderly_valid_end_date"),
                    rs.getString("elderly_contribution_ratio"));
        }
        LimitApplicationCertificateRelatedInfo limit = null;
        if (rs.getString("limit_classification") != null || rs.getString("limit_classification_flag") != null) {
            limit = new LimitApplicationCertificateRelatedInfo(
                    code(LimitApplicationCertificateClassification.class, rs.getString("limit_classification")),
                    code(LimitApplicationCertificateClassificationFlag.class, rs.getString("limit_classification_flag")),
                    date(rs, "limit_certificate_date"), date(rs, "limit_valid_start_date"),
                    date(rs, "limit_valid_end_date"), date(rs, "limit_long_term_date"));
        }
        return Qualification.builder()
                .qualificationId(rs.getString("qualification_id"))
                .personId(rs.getString("person_id"))
                .insuredCardClassification(code(InsuredCardClassification.class, rs.getString("insured_card_classification")))
                .insurerNumber(new InsurerNumber(rs.getString("insurer_number").strip()))
                .insurerName(rs.getString("insurer_name"))
                .insuredCardSymbol(rs.getString("insured_card_symbol"))
                .insuredIdentificationNumber(rs.getString("insured_identification_number"))
                .insuredBranchNumber(rs.getString("insured_branch_number"))
                .personalFamilyClassification(code(PersonalFamilyClassification.class,
                        rs.getString("personal_family_classification")))
                .insuredName(rs.getString("insured_name"))
                .qualificationDate(date(rs, "qualification_date"))
                .disqualificationDate(date(rs, "disqualification_date"))
                .reasonOfLoss(code(ReasonOfLoss.class, rs.getString("reason_of_loss")))
                .insuredCertificateIssuanceDate(date(rs, "insured_certificate_issuance_date"))
                .insuredCardValidDate(date(rs, "insured_card_valid_date"))
                .insuredCardExpirationDate(date(rs, "insured_card_expiration_date"))
                .partialContributionRatio(rs.getString("partial_contribution_ratio"))
                .preschoolClassification(code(PreschoolClassification.class, rs.getString("preschool_classification")))
                .elderlyRecipientCertificateInfo(elderly)
                .limitApplicationCertificateRelatedInfo(limit)
                .build();
    }

    private static Person mapPerson(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getString("person_id"), rs.getString("name"), rs.getString("name_kana"),
                code(Sex.class, rs.getString("sex")), date(rs, "birthdate"), rs.getString("post_number"),
                rs.getString("address"));
    }

    private static MyNumberCard mapCard(ResultSet rs, int row) throws SQLException {
        return new MyNumberCard(rs.getString("card_id"), rs.getString("person_id"),
                CardStatus.valueOf(rs.getString("status").strip()), date(rs, "certificate_expiry"));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static <E extends Enum<E> & CodeTable> E code(Class<E> table, String value) {
        return value == null ? null : CodeTable.find(table, value).orElse(null);
    }

    private record Row(Qualification qualification, int diseases, int tickets) {
    }
}
