package org.openoqs.terminal.doctor;

/** Seed ch. 11 (03 動作確認: 配信サーバーへの接続確認 → 接続成功). */
public final class DistributionConnectionCheck implements DoctorCheck {
    @Override
    public String id() {
        return "distribution.connection";
    }

    @Override
    public Finding run(DoctorContext context) {
        DoctorContext.ServiceCall connection = context.get("api/v1/distribution/connection");
        if (connection.ok() && "接続成功".equals(connection.json().path("result").asString())) {
            return Finding.ok(id(), "接続成功（配信サーバー " + context.setup().serviceUri() + "）");
        }
        return Finding.fail(id(), "接続失敗: " + connection.failure(),
                "時間をおいて再度確認してください。解消しない場合は通信回線・プロキシ・電子証明書の設定を確認してください。");
    }
}
