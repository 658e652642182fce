package org.openoqs.terminal.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 消し忘れファイル: only expired results go; requests, temporary files and foreign names stay. */
class LeftoverFileCleanerTest {

    static final Instant NOW = Instant.parse("2026-04-02T00:00:00Z");

    @TempDir
    Path root;
    Path req;
    Path res;
    Path face;
    Path work;
    final MutableClock clock = new MutableClock(NOW);

    @BeforeEach
    void folders() throws Exception {
        req = Files.createDirectories(root.resolve("req"));
        res = Files.createDirectories(root.resolve("res"));
        face = Files.createDirectories(root.resolve("face"));
        work = Files.createDirectories(root.resolve("work/processing"));
    }

    @Test
    void expiredResultsAreRemovedFreshOnesKept() throws Exception {
        Path old = file(res, "OQSsiquc01res_old.xml", Duration.ofMinutes(1441));
        Path oldZip = file(res, "OQSsiquc01res_oldzip.zip", Duration.ofDays(3));
        Path oldFace = file(face, "OQSsiquc01res_face_0113810014abcdefabcdefabcdefab_20260331093000.xml",
                Duration.ofDays(2));
        Path fresh = file(res, "OQSsiquc01res_fresh.xml", Duration.ofMinutes(1439));
        Path freshFace = file(face, "OQSsiquc01res_face_0113810014abcdefabcdefabcdefab_20260401233000.xml",
                Duration.ofMinutes(30));

        LeftoverFileCleaner.Report report = cleaner(1440).runOnce();

        assertThat(report.removed()).containsExactlyInAnyOrder(old, oldZip, oldFace);
        assertThat(old).doesNotExist();
        assertThat(oldZip).doesNotExist();
        assertThat(oldFace).doesNotExist();
        assertThat(fresh).exists();
        assertThat(freshFace).exists();
    }

    @Test
    void temporaryFilesForeignNamesFoldersAndTheWorkFolderAreNeverTouched() throws Exception {
        List<Path> kept = List.of(
                file(res, ".OQSsiquc01res_x.xml.tmp", Duration.ofDays(5)),   // the agent's own temporary result
                file(res, "~OQSsiquc01res_y.xml", Duration.ofDays(5)),
                file(res, "desktop.ini", Duration.ofDays(5)),
                file(res, "vendor-notes.txt", Duration.ofDays(5)),
                file(work, "OQSsiquc01req_claimed.xml", Duration.ofDays(5)),
                file(root.resolve("work"), "answered.log", Duration.ofDays(5)));
        Path sub = Files.createDirectories(res.resolve("OQSsiquc01res_folder"));
        Files.setLastModifiedTime(sub, FileTime.from(NOW.minus(Duration.ofDays(5))));

        assertThat(cleaner(60).runOnce().removed()).isEmpty();
        for (Path path : kept) {
            assertThat(path).exists();
        }
        assertThat(sub).isDirectory();
    }

    @Test
    void oldRequestsAreReportedNeverDeleted() throws Exception {
        Path unanswered = file(req, "OQSsiquc01req_waiting.xml", Duration.ofMinutes(200));
        Path foreign = file(req, "receipt-export.csv", Duration.ofMinutes(100));
        Path recent = file(req, "OQSsiquc01req_new.xml", Duration.ofMinutes(5));
        Path temp = file(req, ".OQSsiquc01req_writing.xml.tmp", Duration.ofMinutes(500));

        LeftoverFileCleaner cleaner = cleaner(60);
        LeftoverFileCleaner.Report report = cleaner.runOnce();

        assertThat(report.removed()).isEmpty();
        assertThat(report.unanswered()).extracting(LeftoverFileCleaner.UnansweredRequest::name)
                .containsExactly("OQSsiquc01req_waiting.xml", "receipt-export.csv");
        assertThat(report.unanswered().get(0).age()).isEqualTo(Duration.ofMinutes(200));
        assertThat(cleaner.status()).isEqualTo(report.unanswered());
        assertThat(unanswered).exists();
        assertThat(foreign).exists();
        assertThat(recent).exists();
        assertThat(temp).exists();

        Files.delete(unanswered);
        assertThat(cleaner.runOnce().unanswered()).extracting(LeftoverFileCleaner.UnansweredRequest::name)
                .containsExactly("receipt-export.csv");
    }

    @Test
    void startCleansAtOnceAndThenPeriodically() throws Exception {
        Path early = file(res, "OQSsiquc01res_early.xml", Duration.ofMinutes(61));
        Path later = file(res, "OQSsiquc01res_later.xml", Duration.ofMinutes(30));

        try (LeftoverFileCleaner cleaner = new LeftoverFileCleaner(req, List.of(res, face),
                CleanupSettings.ofRetentionMinutes(60).withInterval(Duration.ofMillis(50)), clock)) {
            cleaner.start();
            assertThat(early).as("removed by the start-up run").doesNotExist();
            assertThat(later).exists();

            clock.advance(Duration.ofMinutes(31));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (Files.exists(later) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(later).as("removed by a periodic run").doesNotExist();
        }
    }

    @Test
    void settingsDefaultToOneDayEveryTenMinutes() {
        assertThat(CleanupSettings.defaults().retention()).isEqualTo(Duration.ofMinutes(1440));
        assertThat(CleanupSettings.defaults().interval()).isEqualTo(Duration.ofMinutes(10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CleanupSettings.ofRetentionMinutes(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private LeftoverFileCleaner cleaner(long retentionMinutes) {
        return new LeftoverFileCleaner(req, List.of(res, face), CleanupSettings.ofRetentionMinutes(retentionMinutes),
                clock);
    }

    private Path file(Path folder, String name, Duration age) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, name);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }

    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
