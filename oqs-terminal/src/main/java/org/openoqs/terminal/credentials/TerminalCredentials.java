package org.openoqs.terminal.credentials;

import java.util.Objects;
import java.util.Optional;
import org.openoqs.core.number.InstitutionCode;

/**
 * The validated credentials a terminal starts with ({@link CredentialStore#requireValid}).
 *
 * @param login            OQS_LOGIN_KEY: linkage account ID and password
 * @param institutionCode  OQS_MEDICAL_INSTITUTION_CODE, check digit verified
 * @param cryptPass        OQS_CRYPT_PASS, when set
 * @param shareLogin       OQS_NAS_LOGIN_KEY, when set
 */
public record TerminalCredentials(Credential login, InstitutionCode institutionCode, Optional<Credential> cryptPass,
                                  Optional<Credential> shareLogin) {

    public TerminalCredentials {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(cryptPass, "cryptPass");
        Objects.requireNonNull(shareLogin, "shareLogin");
    }

    /** The encryption password as characters, or {@code null} when OQS_CRYPT_PASS is not set. */
    public char[] cryptPassword() {
        return cryptPass.map(c -> c.secret().toCharArray()).orElse(null);
    }

    /**
     * The institution code the terminal runs as: the stored one. A code configured elsewhere (e.g. a config file)
     * must be the same.
     *
     * @param configured a code from the configuration, or null
     * @throws CredentialInvalidException the two differ
     */
    public String institutionCodeMatching(String configured) {
        String stored = institutionCode.digits();
        if (configured != null && !configured.strip().equals(stored)) {
            throw new CredentialInvalidException(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE,
                    "OQS_MEDICAL_INSTITUTION_CODE（医療機関等コード）: 資格情報の医療機関等コード " + stored
                            + " と端末設定の医療機関等コード " + configured.strip() + " が一致しません。");
        }
        return stored;
    }

    @Override
    public String toString() {
        return "TerminalCredentials[login=" + login.user() + ", institutionCode=" + institutionCode
                + ", cryptPass=" + (cryptPass.isPresent() ? "set" : "unset")
                + ", shareLogin=" + shareLogin.map(Credential::user).orElse("unset") + "]";
    }
}
