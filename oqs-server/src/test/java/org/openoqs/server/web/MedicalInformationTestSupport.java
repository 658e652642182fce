package org.openoqs.server.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.ConsentRules;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Person;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.medical.MedicalInformationService;
import org.springframework.mock.web.MockHttpServletResponse;

/** Consents as the card path records them, and the portal's medical screens as a signed-in account sees them. */
final class MedicalInformationTestSupport {

    private MedicalInformationTestSupport() {
    }

    static LocalDateTime now() {
        return LocalDateTime.now(ServerConfig.TOKYO).truncatedTo(ChronoUnit.SECONDS);
    }

    static Person persona(String key) {
        return Personas.byKey(key).orElseThrow().person();
    }

    /** The patient confirms at {@code at} on the facility's reader and consents to {@code categories}. */
    static void consent(PortalFixture portal, String institutionCode, String personaKey, MedicalTreatmentFlag treatment,
                        LocalDateTime at, ConsentCategory... categories) {
        List<ConsentRecord> records = new ArrayList<>();
        for (ConsentCategory c : categories) {
            records.add(new ConsentRecord(institutionCode, persona(personaKey).personId(), c, treatment, at,
                    ConsentRules.availableUntil(treatment, at)));
        }
        portal.server().bean(ConsentService.class).record(records, null, "face");
    }

    static MockHttpServletResponse open(PortalFixture portal, PortalFixture.SignedIn who, String path) throws Exception {
        return portal.mvc().perform(who.as(get(path))).andReturn().getResponse();
    }

    static String page(PortalFixture portal, PortalFixture.SignedIn who, String path) throws Exception {
        return open(portal, who, path).getContentAsString();
    }

    /** The newest medical-information audit entries of the facility, newest first. */
    static List<AuditEvent> medicalAudit(PortalFixture portal, String institutionCode) {
        return portal.server().auditLog().recent(institutionCode, 50).stream()
                .filter(e -> e.action().equals(MedicalInformationService.ACTION)).toList();
    }
}
