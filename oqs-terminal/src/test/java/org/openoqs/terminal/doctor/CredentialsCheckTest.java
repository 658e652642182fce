package org.openoqs.terminal.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;

/** credentials: required entries present, institution code check digit, OQS_CRYPT_PASS ≤ 12 alphanumerics. */
class CredentialsCheckTest {
    @TempDir
    Path tmp;

    TerminalSetup setup;

    @BeforeEach
    void healthyHome() throws Exception {
        setup = Homes.healthy(tmp, CertificateAuthority.initOrLoad(tmp.resolve("ca"), "openoqs Test CA"));
    }

    @Test
    void wellFormedEntriesPass() {
        assertThat(Homes.run(new CredentialsCheck(), setup).status()).isEqualTo(Verdict.OK);
    }

    @Test
    void missingLinkageAccountFails() {
        CredentialStore.open(setup.terminalHome()).remove(CredentialKey.OQS_LOGIN_KEY);

        Finding finding = Homes.run(new CredentialsCheck(), setup);

        assertThat(finding.status()).isEqualTo(Verdict.FAIL);
        assertThat(finding.message()).contains("OQS_LOGIN_KEY").contains("設定されていません");
    }

    @Test
    void institutionCodeWithAWrongCheckDigitFails() throws Exception {
        Homes.writeRawCredentials(setup.terminalHome(), "OQS_LOGIN_KEY", "R00113810014", "pw",
                "OQS_MEDICAL_INSTITUTION_CODE", "OQS_Admin", "0113810015");

        Finding finding = Homes.run(new CredentialsCheck(), setup);

        assertThat(finding.status()).isEqualTo(Verdict.FAIL);
        assertThat(finding.message()).contains("検証番号");
    }

    @Test
    void cryptPasswordLongerThanTwelveOrWithSymbolsFails() throws Exception {
        Homes.writeRawCredentials(setup.terminalHome(), "OQS_LOGIN_KEY", "R00113810014", "pw",
                "OQS_MEDICAL_INSTITUTION_CODE", "OQS_Admin", "0113810014",
                "OQS_CRYPT_PASS", "OQS_Admin", "abcdefghijklm");

        assertThat(Homes.run(new CredentialsCheck(), setup).message()).contains("12桁以内");

        Homes.writeRawCredentials(setup.terminalHome(), "OQS_LOGIN_KEY", "R00113810014", "pw",
                "OQS_MEDICAL_INSTITUTION_CODE", "OQS_Admin", "0113810014", "OQS_CRYPT_PASS", "OQS_Admin", "pass-word");

        assertThat(Homes.run(new CredentialsCheck(), setup).message()).contains("半角英数字");
    }
}
