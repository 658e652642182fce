package org.openoqs.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oqs terminal init} refuses what cannot work, in Japanese, and leaves no half-written home behind. */
class TerminalInitRefusalTest {

    @TempDir
    Path root;

    @Test
    void anExistingHomeIsRefusedAndUntouched() throws Exception {
        TerminalInitFixture f = new TerminalInitFixture(root);
        Path home = Files.createDirectories(root.resolve("terminal"));
        Files.writeString(home.resolve("terminal.properties"), "service.uri=https://old.example.invalid/\n");

        TerminalInitFixture.Run init = f.init(home, f.facilityP12(), TerminalInitFixture.passwords());

        assertThat(init.exit()).isEqualTo(InitCommand.FAILED);
        assertThat(init.err()).contains("terminal.properties が既にあります", "上書きしません");
        assertThat(Files.readString(home.resolve("terminal.properties")))
                .isEqualTo("service.uri=https://old.example.invalid/\n");
        assertThat(entries(home)).containsExactly("terminal.properties");
        assertThat(root.resolve("OQS")).doesNotExist();
    }

    @Test
    void aWrongPasswordLeavesNothing() throws Exception {
        TerminalInitFixture f = new TerminalInitFixture(root);
        Path home = root.resolve("site/terminal");

        TerminalInitFixture.Run wrongClient = f.init(home, f.facilityP12(), "not-it\n" + TerminalInitFixture.TRUST_PASSWORD + "\n");
        assertThat(wrongClient.exit()).isEqualTo(InitCommand.FAILED);
        assertThat(wrongClient.err()).contains("client.p12（施設の証明書）のパスワードが違います");

        TerminalInitFixture.Run wrongTrust = f.init(home, f.facilityP12(), TerminalInitFixture.CLIENT_PASSWORD + "\nnope\n");
        assertThat(wrongTrust.exit()).isEqualTo(InitCommand.FAILED);
        assertThat(wrongTrust.err()).contains("trust.p12（信頼する認証局）のパスワードが違います");

        TerminalInitFixture.Run oneLine = f.init(home, f.facilityP12(), TerminalInitFixture.CLIENT_PASSWORD + "\n");
        assertThat(oneLine.exit()).isEqualTo(InitCommand.FAILED);
        assertThat(oneLine.err()).contains("標準入力から2行");

        assertThat(root.resolve("site")).doesNotExist();
    }

    @Test
    void officeCertificatesAndBadInstitutionCodesAreRefused() throws Exception {
        TerminalInitFixture f = new TerminalInitFixture(root);
        Path home = root.resolve("terminal");

        Path office = f.p12("office.p12", f.ca.issueOfficeCertificate("131016", "千代田区（試験）交付窓口"));
        TerminalInitFixture.Run asOffice = f.init(home, office, TerminalInitFixture.passwords());
        assertThat(asOffice.exit()).isEqualTo(InitCommand.FAILED);
        assertThat(asOffice.err()).contains("医療機関・薬局の証明書ではありません", "OFFICE-131016");

        Path badCheckDigit = f.p12("bad.p12", f.ca.issueFacilityCertificate("0113810015", "検証番号違い診療所"));
        TerminalInitFixture.Run asBadCode = f.init(home, badCheckDigit, TerminalInitFixture.passwords());
        assertThat(asBadCode.exit()).isEqualTo(InitCommand.FAILED);
        assertThat(asBadCode.err()).contains("0113810015", "検証番号");

        TerminalInitFixture.Run otherFacility = f.init(home, f.facilityP12(), TerminalInitFixture.passwords(),
                "--institution", "1311234567");
        assertThat(otherFacility.exit()).isEqualTo(InitCommand.FAILED);
        assertThat(otherFacility.err()).contains("一致しません");

        TerminalInitFixture.Run plainHttp = f.run(TerminalInitFixture.passwords(), "terminal", "init", "--home",
                home.toString(), "--service-uri", "http://oqs.example.invalid/", "--client-p12",
                f.facilityP12().toString(), "--trust-p12", f.trustP12.toString(), "--passwords-stdin");
        assertThat(plainHttp.exit()).isEqualTo(InitCommand.FAILED);
        assertThat(plainHttp.err()).contains("https://");

        assertThat(home).doesNotExist();
        assertThat(root.resolve("OQS")).doesNotExist();
    }

    @Test
    void aFailureWhileWritingRemovesWhatWasCreated() throws Exception {
        TerminalInitFixture f = new TerminalInitFixture(root);
        Path home = root.resolve("site/terminal");
        Path blocker = Files.writeString(root.resolve("blocker"), "a file where a folder should be");

        TerminalInitFixture.Run init = f.init(home, f.facilityP12(), TerminalInitFixture.passwords(),
                "--exchange-dir", blocker.resolve("OQS").toString());

        assertThat(init.exit()).isEqualTo(InitCommand.FAILED);
        assertThat(init.err()).contains("作成途中のファイルは削除しました");
        assertThat(root.resolve("site")).doesNotExist();
    }

    private static java.util.List<String> entries(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
