package org.openoqs.terminal.linkage;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.openoqs.files.DurableWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal {@code work/answered.log} (format: {@link JournalEntry}), plus an in-memory view of the
 * latest entry per request name. Every append is forced to the disk before it returns.
 *
 * <p>The in-memory entry is updated <em>before</em> the line is written: if the write fails, the running agent
 * behaves as if it had succeeded, which is the cautious reading for every stage (a {@code WRITING} that may be on
 * disk must be honoured; a {@code DONE} whose result is already published must not lead to a second answer; a
 * {@code CLAIMED} whose move did not happen is harmless).
 *
 * <p>The file is compacted at every start: only the latest entry of the names that still matter is kept.
 */
final class AnswerJournal implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(AnswerJournal.class);

    private final Path file;
    private final Map<String, JournalEntry> latest;
    private final FileOutputStream out;
    private boolean lastAppendTorn; // guarded by out
    /** Names whose latest in-memory entry failed to reach the file (see the class comment). */
    private final Set<String> notOnDisk = ConcurrentHashMap.newKeySet();

    private AnswerJournal(Path file, Map<String, JournalEntry> latest) throws IOException {
        this.file = file;
        this.latest = new ConcurrentHashMap<>(latest);
        this.out = new FileOutputStream(file.toFile(), true);
    }

    /**
     * Loads the journal, keeps the latest entry of each request name for which {@code keep} holds, rewrites the file
     * with just those (atomically) and opens it for appending.
     */
    static AnswerJournal openCompacted(Path file, Predicate<JournalEntry> keep) throws IOException {
        Map<String, JournalEntry> kept = load(file).values().stream().filter(keep)
                .collect(Collectors.toMap(JournalEntry::requestName, entry -> entry));
        rewrite(file, kept.values().stream().sorted(Comparator.comparingLong(JournalEntry::epochMillis)).toList());
        return new AnswerJournal(file, kept);
    }

    /** The latest entry of every request name in the file; unreadable lines are skipped. */
    static Map<String, JournalEntry> load(Path file) throws IOException {
        Map<String, JournalEntry> latest = new HashMap<>();
        if (!Files.exists(file)) {
            return latest;
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        // A line without its newline was torn by a crash while being appended: it never counted.
        int complete = text.lastIndexOf('\n') + 1;
        for (String line : text.substring(0, complete).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JournalEntry.parse(line).ifPresentOrElse(
                    entry -> latest.put(entry.requestName(), entry),
                    () -> log.warn("skipping unreadable line in {}: {}", file, line));
        }
        return latest;
    }

    private static void rewrite(Path file, List<JournalEntry> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        entries.forEach(entry -> text.append(entry.toLine()).append('\n'));
        DurableWrites.replace(file, text.toString().getBytes(StandardCharsets.UTF_8), DurableWrites.OWNER_ONLY);
    }

    /** The latest entry for a request name, or {@code null}. */
    JournalEntry latest(String requestName) {
        return latest.get(requestName);
    }

    /** False when the latest entry of the name is known only in memory because writing its line failed. */
    boolean isLatestOnDisk(String requestName) {
        return !notOnDisk.contains(requestName);
    }

    void claimed(String requestName) throws IOException {
        append(JournalEntry.claimed(requestName, System.currentTimeMillis()));
    }

    void writing(String requestName, String resultFileName, String sha256) throws IOException {
        append(JournalEntry.writing(requestName, resultFileName, sha256, System.currentTimeMillis()));
    }

    void done(String requestName, String resultFileName, String sha256) throws IOException {
        append(JournalEntry.done(requestName, resultFileName, sha256, System.currentTimeMillis()));
    }

    /** Drops in-memory entries that no longer matter (the file keeps them until the next compaction). */
    void forgetIf(Predicate<JournalEntry> obsolete) {
        latest.values().stream().filter(obsolete).toList()
                .forEach(entry -> latest.remove(entry.requestName(), entry));
    }

    private void append(JournalEntry entry) throws IOException {
        latest.put(entry.requestName(), entry);
        byte[] line = (entry.toLine() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                if (lastAppendTorn) {
                    out.write('\n'); // isolate the torn line so it cannot swallow this one
                }
                out.write(line);
                out.getFD().sync();
                lastAppendTorn = false;
                notOnDisk.remove(entry.requestName());
            } catch (IOException e) {
                lastAppendTorn = true;
                notOnDisk.add(entry.requestName());
                throw new IOException("cannot append to " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (out) {
            out.close();
        }
    }
}
