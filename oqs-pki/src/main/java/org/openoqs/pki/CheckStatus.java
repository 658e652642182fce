package org.openoqs.pki;

/** Outcome of {@link CertificateChecker#check}; each carries the Japanese message shown to the facility. */
public enum CheckStatus {
    OK("クライアント証明書は有効です"),
    /** No certificate at all (only possible when the TLS layer does not already demand one). */
    NO_CERTIFICATE("クライアント証明書が提示されていません"),
    NOT_ISSUED_BY_CA("クライアント証明書が認証局により発行されたものではありません"),
    EXPIRED("クライアント証明書の有効期限が切れています"),
    NOT_YET_VALID("クライアント証明書の有効期間がまだ始まっていません"),
    REVOKED("クライアント証明書が失効しています"),
    NOT_A_CLIENT_CERTIFICATE("クライアント認証用の証明書ではありません"),
    /** Fail closed: without a current CRL signed by the CA, revocation cannot be ruled out. */
    CRL_UNAVAILABLE("証明書失効リストを確認できないため、クライアント証明書を検証できません");

    private final String message;

    CheckStatus(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
