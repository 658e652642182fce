package org.openoqs.terminal.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed ch. 3 (スリープ設定と高速スタートアップの無効化), where it can be detected: on Linux with systemd the sleep
 * targets must be masked (linked to /dev/null), or the agents stop while the machine sleeps. Elsewhere the check
 * says it could not look (SKIP).
 */
public final class SleepCheck implements DoctorCheck {
    static final List<String> TARGETS = List.of("sleep.target", "suspend.target", "hibernate.target",
            "hybrid-sleep.target");

    @Override
    public String id() {
        return "sleep";
    }

    @Override
    public Finding run(DoctorContext context) {
        Path units = context.setup().systemdUnitDirectory();
        if (units == null || !Files.isDirectory(units)) {
            return Finding.skip(id(), "スリープ設定を検出できない環境です（systemd なし）。Windows では電源とバッテリーの設定で「なし」を選んでください。");
        }
        List<String> active = new ArrayList<>();
        for (String target : TARGETS) {
            Path unit = units.resolve(target);
            try {
                if (!Files.isSymbolicLink(unit) || !Files.readSymbolicLink(unit).toString().equals("/dev/null")) {
                    active.add(target);
                }
            } catch (IOException e) {
                active.add(target);
            }
        }
        if (!active.isEmpty()) {
            return Finding.warn(id(), "スリープが無効になっていません（" + String.join(", ", active) + "）。",
                    "sudo systemctl mask " + String.join(" ", active) + " でスリープを無効にしてください。");
        }
        return Finding.ok(id(), "スリープは無効です（" + String.join(", ", TARGETS) + " が mask 済み）");
    }
}
