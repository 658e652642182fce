package org.openoqs.terminal.doctor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openoqs.terminal.distribution.DistributionHome;
import org.openoqs.terminal.distribution.InstalledComponents;
import org.openoqs.terminal.central.PackageVersion;

/**
 * Seed ch. 12 (01 クライアントアプリケーションのバージョン確認: 最新バージョンであること): every component the
 * distribution service offers is installed in its newest version.
 */
public final class VersionsCheck implements DoctorCheck {
    @Override
    public String id() {
        return "versions";
    }

    @Override
    public Finding run(DoctorContext context) {
        DoctorContext.ServiceCall packages = context.get("api/v1/distribution/packages");
        if (!packages.ok()) {
            return Finding.skip(id(), "配信サーバーの最新バージョンを取得できないため確認できません: " + packages.failure());
        }
        Map<String, PackageVersion> newest = new HashMap<>();
        for (var p : packages.json().path("packages")) {
            try {
                PackageVersion v = PackageVersion.of(p.path("version").asString());
                newest.merge(p.path("component").asString(), v, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            } catch (IllegalArgumentException ignored) {
                // not a version this terminal understands
            }
        }
        InstalledComponents installed = new InstalledComponents(DistributionHome.of(context.setup().terminalHome()),
                context.setup().clock());
        List<String> outdated = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (var entry : newest.entrySet()) {
            var state = installed.state(entry.getKey());
            if (state.isEmpty()) {
                outdated.add(entry.getKey() + "（未インストール、最新 " + entry.getValue() + "）");
            } else if (entry.getValue().isNewerThan(state.get().current())) {
                outdated.add(entry.getKey() + " " + state.get().current() + "（最新 " + entry.getValue() + "）");
            } else {
                current.add(entry.getKey() + " " + state.get().current());
            }
        }
        if (!outdated.isEmpty()) {
            return Finding.warn(id(), "最新バージョンではないクライアントアプリケーションがあります: " + String.join("、", outdated) + "。",
                    "oqs distribution update --home <端末ホーム> で最新化してください（配信アプリケーションが動いていれば自動で更新されます）。");
        }
        if (current.isEmpty()) {
            return Finding.ok(id(), "配信サーバーに配信中のパッケージはありません");
        }
        current.sort(String::compareTo);
        return Finding.ok(id(), "最新バージョンです: " + String.join("、", current));
    }
}
