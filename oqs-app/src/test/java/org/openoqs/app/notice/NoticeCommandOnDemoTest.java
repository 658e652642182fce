package org.openoqs.app.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.OqsCommand;
import org.openoqs.app.demo.DemoSystem;
import org.openoqs.pki.OperatorCertificates;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.notice.Notice;
import org.openoqs.server.notice.NoticeService;
import picocli.CommandLine;

/**
 * {@code oqs notice} against a whole demo in this JVM: the demo issues its operator certificate (owner-only), the
 * CLI publishes with it over mutual TLS, the facility sees the notice, the list shows it, withdraw ends it; bad
 * input and unknown notices end with their exit codes.
 */
class NoticeCommandOnDemoTest {

    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
    }

    Run notice(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = OqsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 2];
        full[0] = "notice";
        full[1] = args[0];
        full[2] = "--home=" + home;
        System.arraycopy(args, 1, full, 3, args.length - 1);
        return new Run(cli.execute(full), out.toString(), err.toString());
    }

    @Test
    void publishListAndWithdrawWithTheDemosOperatorCertificate() throws Exception {
        try (DemoSystem demo = DemoSystem.start(home, 0)) {
            Path p12 = home.resolve("operator/operator.p12");
            assertThat(demo.properties()).containsEntry("operator.p12", p12.toString());
            assertThat(Files.getPosixFilePermissions(p12.getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            var stored = TrustStores.loadPkcs12(p12, demo.properties().get("operator.p12.password").toCharArray());
            assertThat(OperatorCertificates.operatorOf(
                    (java.security.cert.X509Certificate) stored.getCertificate("operator"))).isPresent();
            NoticeService notices = demo.server().bean(NoticeService.class);

            Run published = notice("publish", "--title", "CLIからのお知らせ", "--body", "本文です",
                    "--facility", DemoSystem.INSTITUTION_CODE, "--until", "2099-12-31");
            assertThat(published.exit()).as(published.err()).isZero();
            assertThat(published.out()).contains("を掲載しました").contains("医療機関 " + DemoSystem.INSTITUTION_CODE)
                    .contains("〜2100-01-01 00:00");
            long id = Long.parseLong(match(published.out(), "お知らせ (\\d+) を掲載しました"));
            assertThat(notices.current(DemoSystem.INSTITUTION_CODE)).extracting(Notice::id).contains(id);

            Run listed = notice("list");
            assertThat(listed.exit()).isZero();
            assertThat(listed.out()).contains("お知らせ " + id + "  医療機関 " + DemoSystem.INSTITUTION_CODE)
                    .contains("CLIからのお知らせ");

            Run withdrawn = notice("withdraw", "--id", String.valueOf(id));
            assertThat(withdrawn.exit()).isZero();
            assertThat(withdrawn.out()).contains("お知らせ " + id + " を取り下げました");
            assertThat(notices.current(DemoSystem.INSTITUTION_CODE)).extracting(Notice::id).doesNotContain(id);
            assertThat(notice("list").out()).doesNotContain("CLIからのお知らせ");

            Run again = notice("withdraw", "--id", String.valueOf(id));
            assertThat(again.exit()).isEqualTo(NoticeExitCodes.NOTICE_NOT_FOUND);
            assertThat(again.err()).contains("OQSF9405");

            Run unknownFacility = notice("publish", "--title", "件名", "--body", "本文", "--facility", "9999999999");
            assertThat(unknownFacility.exit()).isEqualTo(NoticeExitCodes.USAGE);
            assertThat(unknownFacility.err()).contains("OQSF9404");
            Run badDate = notice("publish", "--title", "件名", "--body", "本文", "--until", "来月");
            assertThat(badDate.exit()).isEqualTo(NoticeExitCodes.USAGE);
            assertThat(badDate.err()).contains("yyyy-MM-dd");
        }
    }

    @Test
    void withoutARunningDemoTheCommandSaysSo() {
        Run r = notice("list");

        assertThat(r.exit()).isEqualTo(NoticeExitCodes.UNREACHABLE);
        assertThat(r.err()).contains("デモが起動していません");
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }
}
