package org.openoqs.app.clins;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The official packages' validator, {@code oqs-clins-validator-exec.jar} (module oqs-clins-validator: HAPI's
 * validator stack, about 60 MB, kept out of oqs.jar), run as a child process: {@code java -jar JAR --ig DIR FILE…}.
 * Its lines are passed on as they come (standard output to ours, standard error to ours); its exit status is
 * mapped to {@link ClinsExitCodes}.
 */
final class OfficialValidator {

    static final String JAR_NAME = "oqs-clins-validator-exec.jar";
    /** Where the build leaves it, relative to the checkout. */
    private static final Path IN_THE_BUILD = Path.of("oqs-clins-validator", "target", JAR_NAME);

    private final Path jar;

    private OfficialValidator(Path jar) {
        this.jar = jar;
    }

    /** The jar given, or else the one next to oqs.jar, or else the build's in the checkout oqs.jar lives in. */
    static Optional<OfficialValidator> locate(Optional<Path> given) {
        return candidates(given).stream().filter(Files::isRegularFile).findFirst().map(OfficialValidator::new);
    }

    /** Every place {@link #locate} looks, in order (named when nothing is found). */
    static List<Path> candidates(Optional<Path> given) {
        if (given.isPresent()) {
            return List.of(given.get().toAbsolutePath().normalize());
        }
        List<Path> places = new ArrayList<>();
        Path here = codeLocation();
        places.add(here.resolveSibling(JAR_NAME));
        // oqs-app/target/oqs.jar (or oqs-app/target/classes in a test): the checkout is a few levels up
        for (Path dir = here.getParent(); dir != null && places.size() < 5; dir = dir.getParent()) {
            places.add(dir.resolve(IN_THE_BUILD));
        }
        return places;
    }

    /** oqs.jar when started with {@code java -jar} (its class path is that one jar), else this class's folder. */
    private static Path codeLocation() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            return Path.of(classPath).toAbsolutePath().normalize();
        }
        try {
            return Path.of(OfficialValidator.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("oqs.jar").toAbsolutePath();
        }
    }

    Path jar() {
        return jar;
    }

    /** Runs the validator on the files with the packages of {@code packages}; the exit code of this command. */
    int run(Path packages, List<Path> files, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--ig", packages.toString()));
        files.forEach(file -> command.add(file.toString()));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close(); // it reads nothing
        Thread errors = new Thread(() -> copy(process.getErrorStream(), err), "official-validator-stderr");
        errors.setDaemon(true);
        errors.start();
        copy(process.getInputStream(), out);
        int status = process.waitFor();
        errors.join();
        return exitCode(status, err);
    }

    private static int exitCode(int status, PrintWriter err) {
        return switch (status) {
            case 0 -> ClinsExitCodes.OK;
            case 2 -> ClinsExitCodes.REFUSED;
            case 3 -> ClinsExitCodes.NO_INPUT;
            default -> {
                err.println("公式パッケージの検証プログラムが異常終了しました（終了コード " + status + "）");
                yield ClinsExitCodes.OTHER;
            }
        };
    }

    private static void copy(InputStream from, PrintWriter to) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                to.println(line);
                to.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
