package org.openoqs.terminal.doctor;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The client certificate is not revoked: asked of the service (which refuses a revoked certificate with its own
 * message), and — when the service cannot tell — looked up in the CA's CRL file readable on this machine.
 */
public final class CertificateRevocationCheck implements DoctorCheck {
    @Override
    public String id() {
        return "certificate.revocation";
    }

    @Override
    public Finding run(DoctorContext context) {
        var cert = context.certificate();
        if (cert.value().isEmpty()) {
            return Finding.skip(id(), "certificate.present が失敗したため確認できません。");
        }
        X509Certificate leaf = cert.value().get();
        String fix = "証明書が失効しています。認証局で新しい電子証明書の発行を受け、設定し直してください（oqs ca issue / export）。";
        DoctorContext.ServiceCall status = context.get("api/v1/certificates/status");
        if (status.ok()) {
            return Finding.ok(id(), "クライアント証明書は失効していません（オンライン資格確認等システムで確認）");
        }
        if (status.failure().contains("失効")) {
            return Finding.fail(id(), status.failure(), fix);
        }
        Optional<X509CRL> crl = readCrl(context.setup().localCrl());
        if (crl.isPresent()) {
            if (crl.get().getRevokedCertificate(leaf.getSerialNumber()) != null) {
                return Finding.fail(id(), "クライアント証明書は証明書失効リストに掲載されています（失効）。", fix);
            }
            return Finding.ok(id(), "クライアント証明書は失効していません（証明書失効リスト " + context.setup().localCrl().get() + " で確認）");
        }
        return Finding.warn(id(), "失効しているか確認できません: " + status.failure(),
                "オンライン資格確認等システムに接続できる状態で再確認してください（service.connection）。");
    }

    private static Optional<X509CRL> readCrl(Optional<Path> file) {
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file.get())) {
            return Optional.of((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in));
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }
}
