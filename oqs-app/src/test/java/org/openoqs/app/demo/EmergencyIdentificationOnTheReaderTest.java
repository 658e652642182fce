package org.openoqs.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.OqsCommand;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Person;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.emergency.EmergencyCardRequests;
import org.openoqs.server.emergency.EmergencyPermissions;
import org.openoqs.server.emergency.EmergencyRefusedException;
import org.openoqs.server.emergency.EmergencyViewing;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.web.security.PortalUser;
import org.openoqs.terminal.reader.ReaderOutcome;

/**
 * 救急時医療情報閲覧 with the patient identified by card through the demo's real reader, terminal and service
 * (docs/emergency-view.md "Identifying the patient by card"): the hospital's emergency account is given a 受付番号; the
 * clinic's reader cannot answer it (OQSF5038); the hospital's reader without the staff's 目視確認 does not sign; with
 * it ({@code oqs reader confirm --method visual --emergency-code …}), the card signs and the account's summary shows the
 * card holder — no face file written, no consent recorded.
 */
class EmergencyIdentificationOnTheReaderTest {

    private static final String CARD = "P000000000000001"; // persona shaho-honnin, on every demo reader

    @TempDir
    Path home;

    @Test
    void theHospitalsReaderIdentifiesTheCardForTheEmergencyAccountsNumber() throws Exception {
        try (DemoSystem demo = DemoSystem.start(home, 0)) {
            String hospital = DemoFacility.HOSPITAL.institutionCode();
            FacilityService facilities = demo.server().facilities();
            facilities.updateSettings(hospital, facilities.get(hospital).settings().withEmergencyInfo(true));
            AccountActor admin = new AccountActor(hospital, "demo-setup", AccountKind.ADMIN);
            IssuedPassword doctor = demo.server().bean(AccountService.class).create(admin, AccountKind.MEDICAL_VIEWER,
                    "救急 医師");
            demo.server().bean(EmergencyPermissions.class).grant(admin, doctor.account().accountId());
            PortalUser user = new PortalUser(hospital, doctor.account().accountId(), AccountKind.MEDICAL_VIEWER,
                    "救急 医師", null);
            Facility facility = facilities.get(hospital);
            EmergencyViewing viewing = demo.server().bean(EmergencyViewing.class);
            // the portal has checked the second factor of this session (EmergencyViewByCardTest covers that step)
            EmergencyCardRequests.Issued number = viewing.requestCard(user, facility, true);

            ReaderOutcome atTheClinic = demo.reader(DemoFacility.CLINIC).station()
                    .identifyForEmergency(CARD, number.code(), true);
            assertThat(atTheClinic.success()).isFalse();
            assertThat(atTheClinic.errorCode()).isEqualTo(ErrorCode.EMERGENCY_CARD_REQUEST_UNKNOWN);

            ReaderOutcome unchecked = demo.reader(DemoFacility.HOSPITAL).station()
                    .identifyForEmergency(CARD, number.code(), false);
            assertThat(unchecked.success()).as("the card signs only after the staff's 目視確認").isFalse();
            assertThat(unchecked.errorCode()).isEqualTo(ErrorCode.PRESENCE_METHOD_NOT_ALLOWED);
            assertThatThrownBy(() -> viewing.summaryByCard(user, facility, true, number.code(), "1", ""))
                    .isInstanceOf(EmergencyRefusedException.class)
                    .satisfies(e -> assertThat(((EmergencyRefusedException) e).code())
                            .isEqualTo(ErrorCode.EMERGENCY_CARD_NOT_IDENTIFIED));

            // the staff at the hospital's reader, as `oqs reader confirm` drives it (through the reader's own page)
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream console = System.out;
            int exit;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                exit = OqsCommand.commandLine().execute("reader", "confirm", "--home", home.toString(), "--facility",
                        "hospital", "--card", CARD, "--method", "visual", "--emergency-code", number.code());
            } finally {
                System.setOut(console);
            }
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("救急時の本人確認を送信しました");
            Path faceFolder = demo.reader(DemoFacility.HOSPITAL).station().faceFolder();
            if (Files.isDirectory(faceFolder)) {
                try (var faces = Files.list(faceFolder)) {
                    assertThat(faces.filter(f -> f.getFileName().toString().endsWith(".xml")))
                            .as("no face file: nothing about the patient is written").isEmpty();
                }
            }

            Person holder = Personas.byKey("shaho-honnin").orElseThrow().person();
            EmergencyViewing.Summary summary = viewing.summaryByCard(user, facility, true, number.code(), "1", "");
            assertThat(summary.person().personId()).isEqualTo(holder.personId());
            assertThat(demo.server().bean(ConsentService.class).latest(hospital, holder.personId())).isEmpty();
        }
    }
}
