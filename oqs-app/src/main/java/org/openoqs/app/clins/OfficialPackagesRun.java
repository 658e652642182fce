package org.openoqs.app.clins;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oqs clins validate --ig DIR}: what can be said without the validator is said first, in Japanese and at once
 * (the validator needs half a minute to build the profiles' snapshots) — no folder, no package in it, a Bundle that
 * cannot be read or is not JSON, the validator jar not there — then {@link OfficialValidator} runs.
 */
final class OfficialPackagesRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OfficialPackagesRun() {
    }

    static int run(Path packages, Optional<Path> jar, List<Path> bundles, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(packages)) {
            err.println("--ig の公式パッケージのフォルダがありません: " + packages);
            return ClinsExitCodes.NO_INPUT;
        }
        if (packageFiles(packages).isEmpty()) {
            err.println(packages + " に FHIR パッケージ（.tgz: jpfhir.jp の JP Core・JP-CLINS など）がありません");
            return ClinsExitCodes.NO_INPUT;
        }
        for (Path bundle : bundles) {
            Optional<Refusal> refusal = notJson(bundle);
            if (refusal.isPresent()) {
                err.println(refusal.get().message());
                return refusal.get().exitCode();
            }
        }
        Optional<OfficialValidator> validator = OfficialValidator.locate(jar);
        if (validator.isEmpty()) {
            err.println("公式パッケージの検証プログラム " + OfficialValidator.JAR_NAME + " がありません（探した場所: "
                    + OfficialValidator.candidates(jar).stream().map(Path::toString).collect(Collectors.joining(", "))
                    + "）。./oqs を一度実行するとビルドされます（./mvnw -pl oqs-clins-validator -am package でも可）");
            return ClinsExitCodes.VALIDATOR_MISSING;
        }
        out.println("公式パッケージ " + packages + " による検証（参考: 受付の可否は --ig なしの openoqs の規則で決まります）");
        out.flush();
        return validator.get().run(packages, bundles, out, err);
    }

    /** Why a Bundle is not passed to the validator. */
    private record Refusal(int exitCode, String message) {
    }

    private static List<Path> packageFiles(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tgz")).toList();
        }
    }

    /** Why the file is no JSON text in UTF-8, if it is not (said with the line and column of the fault). */
    private static Optional<Refusal> notJson(Path bundle) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(bundle);
        } catch (IOException e) {
            return Optional.of(new Refusal(ClinsExitCodes.NO_INPUT, "Bundle のファイルを読めません（" + e.getMessage()
                    + "）: " + bundle));
        }
        try {
            if (!JSON.readTree(bytes).isObject()) {
                return Optional.of(new Refusal(ClinsExitCodes.REFUSED, "Bundle が JSON のオブジェクトではありません: " + bundle));
            }
            return Optional.empty();
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : "（" + e.getLocation().getLineNr() + "行 " + e.getLocation().getColumnNr() + "列）";
            return Optional.of(new Refusal(ClinsExitCodes.REFUSED, "Bundle が UTF-8 の JSON として正しくありません" + where
                    + ": " + bundle));
        }
    }
}
