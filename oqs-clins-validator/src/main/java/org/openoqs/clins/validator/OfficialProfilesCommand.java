package org.openoqs.clins.validator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code java -jar oqs-clins-validator-exec.jar --ig PACKAGE… FILE|FOLDER…}, started by {@code oqs clins validate
 * --ig}: each Bundle through {@link OfficialProfiles}, one line per finding —
 * {@code   ERROR <location>: <message> [<message id>]} or {@code   WARN …} — under {@code NG <file>} or
 * {@code OK <file>}. Exit 0 no errors (warnings allowed), 2 errors found, 3 a package or Bundle file cannot be read or
 * the arguments are wrong (said in Japanese on standard error).
 */
public final class OfficialProfilesCommand {

    static final int NO_ERRORS = 0;
    static final int ERRORS = 2;
    static final int UNUSABLE = 3;

    private OfficialProfilesCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> packages = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--ig")) {
                if (i + 1 == args.length) {
                    err.println("--ig の後にパッケージ（.tgz）またはそのフォルダを指定してください");
                    return UNUSABLE;
                }
                packages.add(Path.of(args[++i]));
            } else {
                targets.add(Path.of(args[i]));
            }
        }
        if (packages.isEmpty() || targets.isEmpty()) {
            err.println("使い方: --ig <パッケージ.tgz|フォルダ> … <Bundle.json|フォルダ> …");
            return UNUSABLE;
        }
        List<Path> bundles;
        try {
            bundles = bundleFiles(targets);
        } catch (IOException e) {
            err.println(e.getMessage());
            return UNUSABLE;
        }
        OfficialProfiles profiles;
        try {
            profiles = OfficialProfiles.load(packages);
        } catch (OfficialProfiles.UnreadablePackageException e) {
            err.println("公式パッケージを読めません: " + e.getMessage());
            return UNUSABLE;
        }
        out.println("公式プロファイル: " + String.join(", ", profiles.packages()));
        int withErrors = 0;
        for (Path bundle : bundles) {
            if (!report(bundle, profiles, out, err)) {
                withErrors++;
            }
        }
        out.println("検証 " + bundles.size() + "件、エラーあり " + withErrors + "件（警告はエラーに数えません）");
        return withErrors == 0 ? NO_ERRORS : ERRORS;
    }

    /** Prints one Bundle's verdict and findings; false when it has errors or cannot be read. */
    private static boolean report(Path bundle, OfficialProfiles profiles, PrintStream out, PrintStream err) {
        String json;
        try {
            json = Files.readString(bundle, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            out.println("NG " + bundle);
            out.println("  ERROR " + bundle.getFileName() + ": UTF-8 の JSON として読めません（" + e.getMessage() + "）");
            return false;
        }
        List<OfficialProfiles.Finding> findings;
        try {
            findings = profiles.validate(json);
        } catch (RuntimeException e) {
            // HAPI throws on input it cannot even parse, and on a profile whose snapshot it cannot build
            // (1.5.2's JP_Bundle_eReferral): said as one error of this Bundle, the others are still validated
            out.println("NG " + bundle);
            out.println("  ERROR " + bundle.getFileName() + ": 検証できません（" + e.getMessage() + "）");
            return false;
        }
        boolean clean = findings.stream().noneMatch(OfficialProfiles.Finding::error);
        out.println((clean ? "OK " : "NG ") + bundle);
        for (OfficialProfiles.Finding f : findings) {
            out.println("  " + (f.error() ? "ERROR " : "WARN ") + f.location() + ": " + f.message()
                    + (f.messageId() == null ? "" : " [" + f.messageId() + "]"));
        }
        return clean;
    }

    private static List<Path> bundleFiles(List<Path> targets) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path target : targets) {
            if (Files.isDirectory(target)) {
                try (Stream<Path> in = Files.list(target)) {
                    in.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(target)) {
                files.add(target);
            } else {
                throw new IOException("検証するファイルまたはフォルダがありません: " + target);
            }
        }
        if (files.isEmpty()) {
            throw new IOException("検証する JSON ファイル（.json）がありません: " + targets);
        }
        return files;
    }
}
