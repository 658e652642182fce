package org.openoqs.server.registry;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.message.ElderlyRecipientCertificateInfo;
import org.openoqs.core.message.LimitApplicationCertificateRelatedInfo;
import org.openoqs.core.message.SpecificDiseasesCertificateInfo;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InsuranceIdentifiers;
import org.openoqs.core.message.MedicalTicketDetails;
import org.openoqs.core.registry.MedicalTicket;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;
import org.openoqs.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the synthetic registry (personas + {@link ServerConfig#POPULATION_SEED generated population}) into an
 * empty database when the service starts, before it accepts connections. A database that was seeded once is
 * never seeded again; {@code registry_meta} is locked while seeding so that instances starting together on one
 * PostgreSQL database do it exactly once.
 *
 * <p>The seeding runs on a thread of its own from the moment this bean exists (the schema is migrated by then),
 * beside the rest of the application's start, and the start waits for it as the first lifecycle step, before the
 * web server opens its port: about 1.8 s of a new demo home's start moved off the critical path on the 2-core
 * machine (docs/performance.md, "Demo start"). A failed seeding fails the start.
 */
@Component
public class RegistrySeeder implements InitializingBean, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegistrySeeder.class);
    private static final int BATCH = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ServerConfig config;
    private final Clock clock;
    private volatile CompletableFuture<Integer> seeding = CompletableFuture.completedFuture(0);
    private volatile boolean running;

    public RegistrySeeder(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ServerConfig config,
                          Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        if (!config.seedDemoData()) {
            return;
        }
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread seeder = new Thread(() -> {
            try {
                result.complete(seedIfEmpty(config.populationSize()));
            } catch (RuntimeException | Error failed) {
                result.completeExceptionally(failed);
            }
        }, "oqs-registry-seeding");
        seeder.setDaemon(true);
        seeding = result;
        seeder.start();
    }

    /** Waits for the seeding started with the bean: the first thing the started application does. */
    @Override
    public void start() {
        try {
            seeding.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before every other lifecycle step (the web server's port, the bulk workers, the schedules). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    /** Seeds when the registry was never seeded; returns the number of persons inserted (0 when it was). */
    public int seedIfEmpty(int populationSize) {
        long started = System.nanoTime();
        Integer inserted = tx.execute(status -> {
            Map<String, Object> meta = jdbc.queryForMap("select seeded_at from registry_meta where id = 1 for update");
            if (meta.get("seeded_at") != null) {
                return 0;
            }
            Long persons = jdbc.queryForObject("select count(*) from person", Long.class);
            if (persons != null && persons > 0) { // loaded by other means: leave it alone
                return 0;
            }
            LocalDate today = LocalDate.now(clock);
            long t0 = System.nanoTime();
            SyntheticPopulation population =
                    SyntheticPopulation.standard(ServerConfig.POPULATION_SEED, populationSize, today);
            long t1 = System.nanoTime();
            insert(population);
            log.info("registry population generated in {} ms, inserted in {} ms", (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
            jdbc.update("update registry_meta set seeded_at = ?, population_seed = ?, population_size = ?, "
                            + "population_date = ? where id = 1",
                    OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), ServerConfig.POPULATION_SEED,
                    populationSize, today);
            return population.size();
        });
        int n = inserted == null ? 0 : inserted;
        if (n > 0) {
            log.info("registry seeded: {} persons in {} ms", n, (System.nanoTime() - started) / 1_000_000);
        }
        return n;
    }

    /** Inserts a population (persons, qualifications with child rows, cards) in JDBC batches. */
    public void insert(SyntheticPopulation population) {
        List<Object[]> persons = new ArrayList<>(population.persons().size());
        for (Person p : population.persons()) {
            persons.add(new Object[] {p.personId(), p.name(), p.nameKana(), codeOf(p.sex()), p.birthdate(),
                    p.postNumber(), p.address()});
        }
        batch("insert into person (person_id, name, name_kana, sex, birthdate, post_number, address) "
                + "values (?, ?, ?, ?, ?, ?, ?)", persons);

        List<Object[]> qualifications = new ArrayList<>(population.qualifications().size());
        List<Object[]> diseases = new ArrayList<>();
        List<Object[]> tickets = new ArrayList<>();
        for (Qualification q : population.qualifications()) {
            ElderlyRecipientCertificateInfo e = q.elderlyRecipientCertificateInfo();
            LimitApplicationCertificateRelatedInfo l = q.limitApplicationCertificateRelatedInfo();
            qualifications.add(new Object[] {q.qualificationId(), q.personId(), codeOf(q.insuredCardClassification()),
                    q.insurerNumber().digits(), q.insurerName(), q.insuredCardSymbol(), q.insuredIdentificationNumber(),
                    InsuranceIdentifiers.normalize(q.insuredIdentificationNumber()), q.insuredBranchNumber(),
                    codeOf(q.personalFamilyClassification()), q.insuredName(), q.qualificationDate(),
                    q.disqualificationDate(), codeOf(q.reasonOfLoss()), q.insuredCertificateIssuanceDate(),
                    q.insuredCardValidDate(), q.insuredCardExpirationDate(), q.partialContributionRatio(),
                    codeOf(q.preschoolClassification()),
                    e == null ? null : e.certificateDate(), e == null ? null : e.validStartDate(),
                    e == null ? null : e.validEndDate(), e == null ? null : e.contributionRatio(),
                    l == null ? null : codeOf(l.classification()), l == null ? null : codeOf(l.classificationFlag()),
                    l == null ? null : l.certificateDate(), l == null ? null : l.validStartDate(),
                    l == null ? null : l.validEndDate(), l == null ? null : l.longTermDate(),
                    q.specificDiseasesCertificates().size(), q.medicalTickets().size()});
            int seq = 0;
            for (SpecificDiseasesCertificateInfo d : q.specificDiseasesCertificates()) {
                diseases.add(new Object[] {q.qualificationId(), ++seq, codeOf(d.diseaseCategory()), d.certificateDate(),
                        d.validStartDate(), d.validEndDate(), d.selfPay()});
            }
            seq = 0;
            for (MedicalTicket t : q.medicalTickets()) {
                MedicalTicketDetails d = t.details();
                tickets.add(new Object[] {q.qualificationId(), ++seq, t.issueNumber(),
                        t.medicalTreatmentMonth().format(JdbcQualificationRegistry.YEAR_MONTH), t.validDate(),
                        t.expirationDate(), t.designatedMedicalInstitutionCode(), d.designatedMedicalInstitutionName(),
                        d.prescriptionIssuerMedicalInstitutionCode(), d.prescriptionIssuerMedicalInstitutionName(),
                        nth(d.injuryNames(), 0), nth(d.injuryNames(), 1), nth(d.injuryNames(), 2),
                        codeOf(d.medicalTreatmentType()), d.selfPayAmount(), d.districtContactName(),
                        d.handlingContactName(), codeOf(d.singleOrCombinedUse()), codeOf(d.statusOfSocialInsurance()),
                        codeOf(d.consistencyFlag()), codeOf(d.statusOfInfection()), codeOf(d.statusOfElderlyMedicalCare()),
                        codeOf(d.statusOfPrefecturalExpenses()), nth(d.remarks(), 0), nth(d.remarks(), 1),
                        nth(d.remarks(), 2)});
            }
        }
        batch("insert into qualification (qualification_id, person_id, insured_card_classification, insurer_number, "
                + "insurer_name, insured_card_symbol, insured_identification_number, insured_identification_number_key, "
                + "insured_branch_number, personal_family_classification, insured_name, qualification_date, "
                + "disqualification_date, reason_of_loss, insured_certificate_issuance_date, insured_card_valid_date, "
                + "insured_card_expiration_date, partial_contribution_ratio, preschool_classification, "
                + "elderly_certificate_date, elderly_valid_start_date, elderly_valid_end_date, elderly_contribution_ratio, "
                + "limit_classification, limit_classification_flag, limit_certificate_date, limit_valid_start_date, "
                + "limit_valid_end_date, limit_long_term_date, specific_disease_count, medical_ticket_count) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                qualifications);
        batch("insert into specific_disease_certificate (qualification_id, seq, disease_category, certificate_date, "
                + "valid_start_date, valid_end_date, self_pay) values (?, ?, ?, ?, ?, ?, ?)", diseases);
        batch("insert into medical_ticket (qualification_id, seq, issue_number, medical_treatment_month, valid_date, "
                + "expiration_date, designated_medical_institution_code, designated_medical_institution_name, "
                + "prescription_issuer_code, prescription_issuer_name, injury_name_1, injury_name_2, injury_name_3, "
                + "medical_treatment_type, self_pay_amount, district_contact_name, handling_contact_name, "
                + "single_or_combined_use, status_of_social_insurance, consistency_flag, status_of_infection, "
                + "status_of_elderly_medical_care, status_of_prefectural_expenses, remarks_1, remarks_2, remarks_3) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tickets);

        List<Object[]> cards = new ArrayList<>(population.cards().size());
        for (MyNumberCard c : population.cards()) {
            cards.add(new Object[] {c.cardId(), c.personId(), c.status().name(), c.certificateExpiry()});
        }
        batch("insert into my_number_card (card_id, person_id, status, certificate_expiry) values (?, ?, ?, ?)", cards);
    }

    /**
     * Plain JDBC batches on the transaction's connection. Nulls are bound as {@link Types#NULL} so that no driver
     * round trip is spent asking for parameter types (JdbcTemplate would, for every null).
     */
    private void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int pending = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        Object v = row[i];
                        if (v == null) {
                            ps.setNull(i + 1, Types.NULL);
                        } else if (v instanceof String s) {
                            ps.setString(i + 1, s);
                        } else if (v instanceof Integer n) {
                            ps.setInt(i + 1, n);
                        } else {
                            ps.setObject(i + 1, v);
                        }
                    }
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    private static String nth(List<String> values, int index) {
        return index < values.size() ? values.get(index) : null;
    }

    private static String codeOf(CodeTable value) {
        return value == null ? null : value.code();
    }
}
