package org.openoqs.app.clins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.demo.DemoSystem;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.clins.ClinsRegistrationService;

/**
 * {@code oqs clins register | list | delete} against a whole demo in this JVM, over mutual TLS with the demo
 * terminal's own certificate: registration prints the identifier, a refusal prints each problem with its code and
 * FHIRPath and exits 2 with nothing stored, list shows what is registered, delete removes it (audited), an unknown
 * identifier exits 4; without a running service the command says so.
 */
class ClinsRegistrationCommandOnDemoTest {

    @TempDir
    Path home;

    @TempDir
    Path files;

    @Test
    void registerListAndDeleteThroughTheTerminalApi() throws Exception {
        try (DemoSystem demo = DemoSystem.start(home, 0)) {
            Path lab = corpus("lab-kokuho.json");
            String identifier = "0113810014^2026^lab-kokuho-1";

            ClinsCli.Run registered = ClinsCli.run("register", "--home", home.toString(), "--bundle", lab.toString());
            assertThat(registered.exit()).as(registered.err()).isZero();
            assertThat(registered.out()).isEqualTo("created " + identifier + " Observation 2件\n");

            ClinsCli.Run again = ClinsCli.run("register", "--home", home.toString(), "--bundle", lab.toString());
            assertThat(again.out()).startsWith("replaced " + identifier);

            ClinsCli.Run broken = ClinsCli.run("register", "--home", home.toString(), "--bundle",
                    corpus("no-encounter.json").toString());
            assertThat(broken.exit()).isEqualTo(ClinsExitCodes.REFUSED);
            assertThat(broken.err()).contains("HTTP 422").contains("  OQSF2043 Bundle.entry[1].resource.contained: ");

            ClinsCli.Run unknownPerson = ClinsCli.run("register", "--home", home.toString(), "--bundle",
                    corpus("member-id-unknown.json").toString());
            assertThat(unknownPerson.exit()).isEqualTo(ClinsExitCodes.REFUSED);
            assertThat(unknownPerson.err()).contains("  OQSF2034 Bundle.entry[0].resource.identifier[1].value: ");

            ClinsCli.Run listed = ClinsCli.run("list", "--home", home.toString());
            assertThat(listed.exit()).isZero();
            assertThat(listed.out()).contains(identifier + "  Observation  2件  00199935:07:100234:00  ")
                    .contains("登録済み 1件");

            ClinsCli.Run deleted = ClinsCli.run("delete", "--home", home.toString(), "--identifier", identifier);
            assertThat(deleted.exit()).as(deleted.err()).isZero();
            assertThat(deleted.out()).isEqualTo("deleted " + identifier + "\n");
            assertThat(ClinsCli.run("list", "--home", home.toString()).out()).contains("登録済み 0件");
            List<AuditEvent> audit = demo.server().bean(AuditLog.class).recent(DemoSystem.INSTITUTION_CODE, 50);
            assertThat(audit).filteredOn(a -> a.action().equals(ClinsRegistrationService.ACTION))
                    .extracting(AuditEvent::outcome).contains("DELETED", "REFUSED OQSF2043", "REFUSED OQSF2034");

            ClinsCli.Run gone = ClinsCli.run("delete", "--home", home.toString(), "--identifier", identifier);
            assertThat(gone.exit()).isEqualTo(ClinsExitCodes.NOT_FOUND);
            assertThat(gone.err()).contains("  OQSF2063 Bundle.identifier.value: ");

            ClinsCli.Run notAnIdentifier = ClinsCli.run("delete", "--home", home.toString(), "--identifier", "../x");
            assertThat(notAnIdentifier.exit()).isEqualTo(ClinsExitCodes.REFUSED);
        }
    }

    @Test
    void withoutARunningServiceTheCommandSaysSo() throws Exception {
        ClinsCli.Run noHome = ClinsCli.run("list", "--home", home.toString());
        assertThat(noHome.exit()).isEqualTo(ClinsExitCodes.UNREACHABLE);
        assertThat(noHome.err()).contains("端末ホームではありません");

        ClinsCli.Run noFile = ClinsCli.run("register", "--home", home.toString(), "--bundle",
                home.resolve("none.json").toString());
        assertThat(noFile.exit()).isEqualTo(ClinsExitCodes.NO_INPUT);
    }

    private Path corpus(String name) throws Exception {
        ExampleCorpus.Example e = ExampleCorpus.dir("clins").stream().filter(x -> x.file().equals(name)).findFirst()
                .orElseThrow();
        return Files.write(files.resolve(name), e.bytes());
    }
}
