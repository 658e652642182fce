package org.openoqs.app.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openoqs.app.audit.AuditChainInspection;
import org.openoqs.app.audit.AuditChainLocation;
import org.openoqs.terminal.doctor.DoctorCheck;
import org.openoqs.terminal.doctor.DoctorContext;
import org.openoqs.terminal.doctor.Finding;

/**
 * The central service's audit chain (docs/security.md, issue 19 item 7): on a demo home, every entry re-computed
 * with the key file as {@code oqs audit verify} does (or, while the demo runs, its service's own verification).
 * A terminal home holds no central database: skip.
 */
final class AuditChainCheck implements DoctorCheck {

    private final Path home;

    AuditChainCheck(Path home) {
        this.home = home;
    }

    @Override
    public String id() {
        return "service.audit-chain";
    }

    @Override
    public Finding run(DoctorContext context) {
        if (!Files.isRegularFile(home.resolve(TerminalSetupLoader.DEMO_PROPERTIES))) {
            return Finding.skip(id(), "端末のホームには中央サービスの監査ログがありません（中央サービスのホームで oqs audit verify を実行してください）。");
        }
        AuditChainInspection.Outcome outcome;
        try {
            outcome = AuditChainInspection.inspect(AuditChainLocation.ofHome(home, null));
        } catch (IOException unreadable) {
            return Finding.warn(id(), TerminalSetupLoader.DEMO_PROPERTIES + " を読み込めないため、監査ログを確認できません: "
                    + unreadable.getMessage(), "ファイルの権限を確認してください。");
        }
        return switch (outcome.verdict()) {
            case INTACT -> Finding.ok(id(), outcome.message());
            case BROKEN, UNAVAILABLE -> Finding.fail(id(), outcome.message(), outcome.fix());
        };
    }
}
