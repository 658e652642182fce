package org.openoqs.terminal.doctor;

import java.util.Optional;
import org.openoqs.pki.FacilityCertificates;

/** Seed ch. 6 (01 セットアップ): the client certificate file opens with its password and names an institution. */
public final class CertificatePresentCheck implements DoctorCheck {
    @Override
    public String id() {
        return "certificate.present";
    }

    @Override
    public Finding run(DoctorContext context) {
        DoctorContext.Loaded<java.security.cert.X509Certificate> cert = context.certificate();
        if (cert.value().isEmpty()) {
            return Finding.fail(id(), cert.problem() + "。",
                    "認証局から取得した電子証明書（PKCS#12）を " + context.setup().clientPkcs12()
                            + " に置き、パスワードを terminal.properties の client.p12.password に設定してください"
                            + "（oqs ca issue / oqs ca export）。");
        }
        Optional<String> code = FacilityCertificates.institutionCodeOf(cert.value().get());
        if (code.isEmpty()) {
            return Finding.fail(id(), "クライアント証明書の CN に医療機関等コードがありません（"
                    + cert.value().get().getSubjectX500Principal().getName() + "）。",
                    "医療機関等の電子証明書（oqs ca issue --institution <コード>）を使ってください。");
        }
        if (context.setup().configuredInstitutionCode().filter(c -> !c.equals(code.get())).isPresent()) {
            return Finding.fail(id(), "クライアント証明書の医療機関等コード " + code.get() + " が端末設定の "
                    + context.setup().configuredInstitutionCode().get() + " と一致しません。",
                    "この医療機関等の電子証明書を設定してください（医療機関コードが変わった場合は証明書の再発行が必要です）。");
        }
        return Finding.ok(id(), "クライアント証明書があります（医療機関等コード " + code.get() + "）");
    }
}
