package org.openoqs.terminal.doctor;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/**
 * Seed ch. 6 (02 セットアップ結果の確認: 発行者が共通認証局であること): the client certificate was issued by the CA the
 * terminal trusts (trust.p12) and is meant for client authentication.
 */
public final class CertificateIssuerCheck implements DoctorCheck {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @Override
    public String id() {
        return "certificate.issuer";
    }

    @Override
    public Finding run(DoctorContext context) {
        var cert = context.certificate();
        var anchor = context.trustAnchor();
        if (cert.value().isEmpty()) {
            return Finding.skip(id(), "certificate.present が失敗したため確認できません。");
        }
        if (anchor.value().isEmpty()) {
            return Finding.fail(id(), anchor.problem() + "。",
                    "認証局の証明書（ca.pem）を含む trust.p12 を設定してください。");
        }
        X509Certificate leaf = cert.value().get();
        X509Certificate ca = anchor.value().get();
        try {
            if (!leaf.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
                throw new GeneralSecurityException("issuer differs");
            }
            leaf.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            return Finding.fail(id(), "クライアント証明書の発行者（" + leaf.getIssuerX500Principal().getName()
                            + "）が信頼する認証局（" + ca.getSubjectX500Principal().getName() + "）ではありません。",
                    "この認証局から発行された電子証明書を設定してください。");
        }
        try {
            if (leaf.getExtendedKeyUsage() == null || !leaf.getExtendedKeyUsage().contains(CLIENT_AUTH)) {
                return Finding.fail(id(), "クライアント証明書がクライアント認証用ではありません。",
                        "医療機関等の電子証明書（クライアント認証用）を設定してください。");
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return Finding.fail(id(), "クライアント証明書の拡張を読み取れません。", "電子証明書を取得し直してください。");
        }
        return Finding.ok(id(), "発行者は " + ca.getSubjectX500Principal().getName() + " です");
    }
}
