package org.openoqs.terminal.doctor;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed ch. 4/5: the exchange folders req, res and face exist and can be written, and the work folder exists on the
 * same file system as req (a request is claimed by an atomic rename into it, docs/linkage.md).
 */
public final class FolderLayoutCheck implements DoctorCheck {
    @Override
    public String id() {
        return "folders";
    }

    @Override
    public Finding run(DoctorContext context) {
        TerminalSetup s = context.setup();
        List<String> problems = new ArrayList<>();
        for (Path dir : List.of(s.req(), s.res(), s.face(), s.work())) {
            if (!Files.isDirectory(dir)) {
                problems.add(dir + " がありません");
            } else if (!Files.isWritable(dir)) {
                problems.add(dir + " に書き込めません");
            }
        }
        if (problems.isEmpty()) {
            try {
                FileStore reqStore = Files.getFileStore(s.req());
                FileStore workStore = Files.getFileStore(s.work());
                if (!reqStore.equals(workStore)) {
                    problems.add("work フォルダー " + s.work() + " が req と別のファイルシステムにあります");
                }
            } catch (IOException e) {
                problems.add("フォルダーのファイルシステムを確認できません: " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            return Finding.ok(id(), "フォルダー req / res / face / work があり、書き込めます（" + s.exchangeRoot() + "）");
        }
        return Finding.fail(id(), String.join("。", problems) + "。",
                "フォルダーを作成し、端末のサービスユーザーに書き込み権限を付けてください（work は req と同じドライブに置きます）。"
                        + "デモでは oqs demo --home で作り直せます。");
    }
}
