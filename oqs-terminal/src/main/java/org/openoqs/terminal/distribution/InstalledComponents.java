package org.openoqs.terminal.distribution;

import org.openoqs.terminal.central.PackageVersion;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.openoqs.files.DurableWrites;

/**
 * Installed versions of each component, side by side, with one pointer file per component saying which is in use:
 * {@code apps/<component>/current.properties} ({@code version}, {@code previous}, {@code switchedAt}). Switching and
 * rolling back rewrite only that file (temp + fsync + rename), so a reader — or a crash — sees the old or the new
 * version, never a mixture. The current and the previous version are kept; older ones are removed after a switch.
 */
public final class InstalledComponents {
    static final String POINTER = "current.properties";

    private final DistributionHome home;
    private final Clock clock;

    public InstalledComponents(DistributionHome home, Clock clock) {
        this.home = home;
        this.clock = clock;
    }

    /** What is in use for a component, and what a roll-back would return to. */
    public record ComponentState(String component, PackageVersion current, Optional<PackageVersion> previous,
                                 Path directory) {
    }

    public Optional<ComponentState> state(String component) {
        Path pointer = home.component(component).resolve(POINTER);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(pointer, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pointer, e);
        }
        PackageVersion current = PackageVersion.of(p.getProperty("version"));
        Optional<PackageVersion> previous = Optional.ofNullable(p.getProperty("previous")).filter(s -> !s.isBlank())
                .map(PackageVersion::of);
        return Optional.of(new ComponentState(component, current, previous,
                home.component(component).resolve(current.text())));
    }

    /** Every component with a version in use, by name. */
    public List<ComponentState> all() {
        List<ComponentState> states = new ArrayList<>();
        if (!Files.isDirectory(home.apps())) {
            return states;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(home.apps(), Files::isDirectory)) {
            for (Path dir : dirs) {
                try {
                    state(dir.getFileName().toString()).ifPresent(states::add);
                } catch (IllegalArgumentException foreignFolder) {
                    // not a component folder (e.g. created by hand): not ours to report
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + home.apps(), e);
        }
        states.sort(Comparator.comparing(ComponentState::component));
        return states;
    }

    public boolean isInstalled(String component, PackageVersion version) {
        return Files.isDirectory(home.component(component).resolve(version.text()));
    }

    /**
     * Extracts a verified package next to the installed versions (not yet in use). Re-installing an existing version
     * replaces an incomplete earlier attempt only.
     */
    public Path installSideBySide(String component, PackageVersion version, Path verifiedZip) throws IOException {
        Path componentDir = home.component(component);
        Path target = componentDir.resolve(version.text());
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(componentDir);
        Path staging = componentDir.resolve("." + version.text() + ".installing");
        deleteTree(staging);
        try {
            PackageArchive.extract(verifiedZip, staging);
            move(staging, target);
        } finally {
            deleteTree(staging);
        }
        return target;
    }

    /** Makes an installed version the one in use; the version in use so far becomes the previous one. */
    public ComponentState switchTo(String component, PackageVersion version) throws IOException {
        if (!isInstalled(component, version)) {
            throw new IllegalStateException(component + " " + version + " はインストールされていません");
        }
        Optional<ComponentState> before = state(component);
        if (before.isPresent() && before.get().current().equals(version)) {
            return before.get();
        }
        writePointer(component, version, before.map(ComponentState::current).orElse(null));
        removeOldVersions(component);
        return state(component).orElseThrow();
    }

    /**
     * Returns to the previous version (which then has the rolled-back one as its previous, so it can be undone).
     *
     * @throws IllegalStateException nothing to roll back to
     */
    public ComponentState rollBack(String component) throws IOException {
        ComponentState state = state(component).orElseThrow(() ->
                new IllegalStateException(component + " はインストールされていません"));
        PackageVersion previous = state.previous().filter(v -> isInstalled(component, v)).orElseThrow(() ->
                new IllegalStateException(component + " には戻せる以前のバージョンがありません"));
        writePointer(component, previous, state.current());
        return state(component).orElseThrow();
    }

    private void writePointer(String component, PackageVersion version, PackageVersion previous) throws IOException {
        Path dir = home.component(component);
        Properties p = new Properties();
        p.setProperty("version", version.text());
        if (previous != null) {
            p.setProperty("previous", previous.text());
        }
        p.setProperty("switchedAt", clock.instant().toString());
        StringWriter text = new StringWriter();
        p.store(text, "openoqs distribution: the version in use");
        DurableWrites.replace(dir.resolve(POINTER), text.toString().getBytes(StandardCharsets.UTF_8),
                DurableWrites.WORLD_READABLE);
    }

    private void removeOldVersions(String component) throws IOException {
        ComponentState state = state(component).orElseThrow();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(home.component(component), Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                boolean kept = name.equals(state.current().text())
                        || state.previous().map(v -> v.text().equals(name)).orElse(false) || name.startsWith(".");
                if (!kept) {
                    deleteTree(dir);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        DurableWrites.moveIntoPlace(from, to, true);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
