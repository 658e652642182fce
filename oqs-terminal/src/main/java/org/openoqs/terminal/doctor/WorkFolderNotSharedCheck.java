package org.openoqs.terminal.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Seed ch. 4/5: only req, res and face are shared with the レセコン. The work folder and the terminal home (credentials,
 * certificate) must not be reachable from the network: not inside the exchange folders, not inside a Samba or NFS
 * share, and not open to other local users.
 */
public final class WorkFolderNotSharedCheck implements DoctorCheck {
    @Override
    public String id() {
        return "folders.work-not-shared";
    }

    @Override
    public Finding run(DoctorContext context) {
        TerminalSetup s = context.setup();
        Path work = s.work().toAbsolutePath().normalize();
        Path home = s.terminalHome().toAbsolutePath().normalize();
        List<String> failures = new ArrayList<>();
        for (Path shared : List.of(s.exchangeRoot(), s.req(), s.res(), s.face())) {
            Path sharedPath = shared.toAbsolutePath().normalize();
            if (work.startsWith(sharedPath)) {
                failures.add("work フォルダー " + work + " が共有フォルダー " + sharedPath + " の中にあります");
            }
            if (home.startsWith(sharedPath)) {
                failures.add("端末ホーム " + home + " が共有フォルダー " + sharedPath + " の中にあります");
            }
        }
        for (Path config : s.shareConfigurations()) {
            for (Path sharePath : sharedPaths(config)) {
                if (work.startsWith(sharePath) || home.startsWith(sharePath)) {
                    failures.add(config + " の共有 " + sharePath + " に work フォルダー（または端末ホーム）が含まれています");
                }
            }
        }
        if (!failures.isEmpty()) {
            return Finding.fail(id(), String.join("。", failures) + "。",
                    "共有するのは req / res / face だけにしてください。work フォルダーと端末ホームを共有フォルダーの外に移し、共有設定から外してください。");
        }
        Set<PosixFilePermission> others = Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        try {
            if (Files.isDirectory(work) && Files.getPosixFilePermissions(work).stream().anyMatch(others::contains)) {
                return Finding.warn(id(), "work フォルダー " + work + " に他のユーザーのアクセス権があります。",
                        "chmod o-rwx " + work + " で他のユーザーのアクセス権を外してください。");
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: ACLs are out of reach of this check; the share configuration above still applies
        }
        return Finding.ok(id(), "work フォルダーは共有されていません（" + work + "）");
    }

    /** {@code path = …} lines of smb.conf and the first field of /etc/exports lines. */
    static List<Path> sharedPaths(Path config) {
        List<Path> paths = new ArrayList<>();
        if (!Files.isRegularFile(config)) {
            return paths;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return paths;
        }
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("path") && line.contains("=")) {
                paths.add(Path.of(line.substring(line.indexOf('=') + 1).strip()).toAbsolutePath().normalize());
            } else if (line.startsWith("/")) {
                paths.add(Path.of(line.split("\\s+")[0]).toAbsolutePath().normalize());
            }
        }
        return paths;
    }
}
