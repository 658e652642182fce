package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;
import org.openoqs.server.testsupport.TestPki;
import org.springframework.jdbc.core.JdbcTemplate;

/** A second start on the same H2 home keeps registry, facilities and audit trail and does not seed again. */
class RestartKeepsDataTest {

    @Test
    void restartKeepsDataAndDoesNotReseed(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        ServerConfig config = pki.serverConfig(dir.resolve("home")).populationSize(300).build();
        int expectedPersons = 300 + Personas.population().size();
        Persona persona = Personas.all().get(0);

        long persons;
        OffsetDateTime seededAt;
        long auditSize;
        try (CentralServer first = CentralServer.start(config)) {
            persons = first.bean(JdbcQualificationRegistry.class).personCount();
            seededAt = seededAt(first);
            first.facilities().create(SharedServer.DEMO_CODE, SharedServer.DEMO_NAME);
            first.facilities().setMedicalAssistance(SharedServer.DEMO_CODE, true);
            Api.Response r = Api.post(pki.client(pki.issueFacility(SharedServer.DEMO_CODE)), first.baseUri(), Api.INQUIRY,
                    Api.inquiryJson(SharedServer.DEMO_CODE, PersonaCorpus.CONFIRMATION_DATE, "before", persona.inquiry()));
            assertThat(r.status()).isEqualTo(200);
            auditSize = first.auditLog().size();
        }
        assertThat(persons).isEqualTo(expectedPersons);
        assertThat(seededAt).isNotNull();
        assertThat(auditSize).isPositive();

        try (CentralServer second = CentralServer.start(config)) {
            assertThat(second.bean(JdbcQualificationRegistry.class).personCount()).isEqualTo(persons);
            assertThat(seededAt(second)).isEqualTo(seededAt);
            assertThat(second.facilities().get(SharedServer.DEMO_CODE).settings().medicalAssistance()).isTrue();
            assertThat(second.auditLog().size()).isEqualTo(auditSize);

            Api.Response r = Api.post(pki.client(pki.issueFacility(SharedServer.DEMO_CODE)), second.baseUri(), Api.INQUIRY,
                    Api.inquiryJson(SharedServer.DEMO_CODE, PersonaCorpus.CONFIRMATION_DATE, "after", persona.inquiry()));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.result().body().qualificationValidity()).isEqualTo(persona.expectedValidity());
            assertThat(second.auditLog().verify().intact()).isTrue();
            assertThat(second.auditLog().size()).isEqualTo(auditSize + 1);
        }
    }

    private static OffsetDateTime seededAt(CentralServer server) {
        return server.bean(JdbcTemplate.class).queryForObject("select seeded_at from registry_meta where id = 1",
                OffsetDateTime.class);
    }
}
