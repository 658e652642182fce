package org.openoqs.terminal.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openoqs.terminal.credentials.Credential;
import org.openoqs.terminal.credentials.CredentialException;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;

/**
 * Seed ch. 12 (09, 資格情報マネージャー): every required entry is present and every entry is well-formed — institution
 * code of 10 digits with a valid check digit, OQS_CRYPT_PASS of at most 12 half-width alphanumerics, linkage account
 * R0…/R1… — and the stored institution code is the one of terminal.properties. Uses the terminal's own store and
 * rules ({@link CredentialKey#validate}).
 */
public final class CredentialsCheck implements DoctorCheck {
    @Override
    public String id() {
        return "credentials";
    }

    @Override
    public Finding run(DoctorContext context) {
        TerminalSetup s = context.setup();
        CredentialStore store = CredentialStore.open(s.terminalHome());
        List<String> failures = new ArrayList<>();
        Optional<Credential> code = Optional.empty();
        try {
            for (CredentialKey key : CredentialKey.values()) {
                Optional<Credential> entry = store.get(key);
                if (entry.isEmpty()) {
                    if (key.required()) {
                        failures.add(key + "（" + key.label() + "）が設定されていません");
                    }
                    continue;
                }
                try {
                    key.validate(entry.get().user(), entry.get().secret());
                } catch (CredentialException invalid) {
                    failures.add(invalid.getMessage());
                }
                if (key == CredentialKey.OQS_MEDICAL_INSTITUTION_CODE) {
                    code = entry;
                }
            }
        } catch (CredentialException unreadable) {
            return Finding.fail(id(), unreadable.getMessage(),
                    "oqs terminal credentials set … --home " + s.terminalHome() + " で資格情報を設定し直してください。");
        }
        if (code.isPresent() && s.configuredInstitutionCode().isPresent()
                && !s.configuredInstitutionCode().get().equals(code.get().secret())) {
            failures.add("資格情報の医療機関等コード " + code.get().secret() + " と端末設定の医療機関等コード "
                    + s.configuredInstitutionCode().get() + " が一致しません");
        }
        if (!failures.isEmpty()) {
            return Finding.fail(id(), String.join("。", failures) + "。",
                    "oqs terminal credentials set <KEY> --home " + s.terminalHome()
                            + " で正しい値を設定してください（docs/linkage.md）。");
        }
        return Finding.ok(id(), "資格情報（OQS_LOGIN_KEY, OQS_MEDICAL_INSTITUTION_CODE ほか）が正しく設定されています");
    }
}
