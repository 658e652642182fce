package org.openoqs.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options the {@code ./oqs} launcher gives {@code oqs demo} (its {@code DEMO_JAVA_OPTS} line), read from the
 * launcher itself so that {@code oqs bench} starts its demo as a user's {@code ./oqs demo} starts — one place states
 * them (oqs-it's {@code DemoProcess} reads the same line for the end-to-end tests).
 */
final class LauncherDemoOptions {

    private static final Pattern LINE = Pattern.compile("(?m)^DEMO_JAVA_OPTS=\"([^\"]*)\"\\s*$");

    private LauncherDemoOptions() {
    }

    /** The options of {@code script}'s {@code DEMO_JAVA_OPTS="…"} line; empty when it has none. */
    static Optional<List<String>> parse(String script) {
        Matcher m = LINE.matcher(script);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(m.group(1).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    }

    /**
     * The options of the launcher of the checkout {@code jar} was built in ({@code <checkout>/oqs-app/target/oqs.jar},
     * or the launcher's extracted {@code <checkout>/oqs-app/target/fast-start/oqs.jar} → {@code <checkout>/oqs}); empty
     * when the jar is not in a checkout or the launcher has no such line.
     */
    static Optional<List<String>> besideJar(Path jar) throws IOException {
        Path target = jar.toAbsolutePath().getParent();
        if (target != null && target.getFileName() != null && target.getFileName().toString().equals("fast-start")) {
            target = target.getParent();
        }
        Path module = target == null ? null : target.getParent();
        Path checkout = module == null ? null : module.getParent();
        if (checkout == null || !Files.isRegularFile(checkout.resolve("oqs"))) {
            return Optional.empty();
        }
        return parse(Files.readString(checkout.resolve("oqs"), StandardCharsets.UTF_8));
    }
}
