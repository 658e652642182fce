package org.openoqs.pki;

/**
 * Outcome of {@link PackageSignatureVerifier#verify}; each carries the Japanese message the distribution agent shows
 * when it refuses a package. Only {@link #VALID} may be installed.
 */
public enum SignatureStatus {
    VALID("署名を確認しました（発行元の認証局のコード署名用証明書で署名されています）"),
    MISSING("署名がありません。署名のないパッケージはインストールできません"),
    MALFORMED("署名を読み取れません（CMS 署名の形式が正しくありません）"),
    CONTENT_MISMATCH("パッケージが改ざんされています（署名と内容が一致しません）"),
    UNTRUSTED_SIGNER("署名者の証明書が信頼できる認証局から発行されたものではありません"),
    NOT_CODE_SIGNING("署名者の証明書がコード署名用ではありません"),
    SIGNER_EXPIRED("署名者の証明書の有効期限が切れています"),
    SIGNER_NOT_YET_VALID("署名者の証明書の有効期間がまだ始まっていません"),
    SIGNER_REVOKED("署名者の証明書が失効しています"),
    /** Fail closed: a revocation check was asked for but no current CRL signed by the CA is available. */
    CRL_UNAVAILABLE("証明書失効リストを確認できないため、署名者の証明書を検証できません");

    private final String message;

    SignatureStatus(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
