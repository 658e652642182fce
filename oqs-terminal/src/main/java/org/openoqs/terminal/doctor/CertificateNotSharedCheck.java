package org.openoqs.terminal.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed closing notes (複数の端末にて共通のクライアント証明書を使用している): no other terminal of the facility presents the
 * same certificate, according to the service's 配信記録.
 */
public final class CertificateNotSharedCheck implements DoctorCheck {
    @Override
    public String id() {
        return "certificate.not-shared";
    }

    @Override
    public Finding run(DoctorContext context) {
        var cert = context.certificate();
        if (cert.value().isEmpty()) {
            return Finding.skip(id(), "certificate.present が失敗したため確認できません。");
        }
        DoctorContext.ServiceCall terminals = context.get("api/v1/distribution/terminals");
        if (!terminals.ok()) {
            return Finding.skip(id(), "配信記録を取得できないため確認できません: " + terminals.failure());
        }
        String serial = cert.value().get().getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        List<String> others = new ArrayList<>();
        for (var t : terminals.json()) {
            if (serial.equals(t.path("certificateSerial").asString())
                    && !context.setup().computerName().equals(t.path("computerName").asString())) {
                others.add(t.path("computerName").asString());
            }
        }
        if (!others.isEmpty()) {
            return Finding.fail(id(), "同じクライアント証明書を他の端末（" + String.join(", ", others) + "）も使っています。",
                    "端末ごとに電子証明書の発行を受けてください（oqs ca issue）。");
        }
        return Finding.ok(id(), "クライアント証明書はこの端末だけが使っています");
    }
}
