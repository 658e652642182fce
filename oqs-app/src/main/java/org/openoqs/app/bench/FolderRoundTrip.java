package org.openoqs.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.openoqs.files.DurableWrites;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;

/**
 * What a レセコン does, timed: write a request under a temporary name, rename it into req, wait for the result
 * in res (watched, not polled, so the wait adds no latency), read it, remove it.
 */
final class FolderRoundTrip {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private FolderRoundTrip() {
    }

    static Samples measure(Path req, Path res, byte[] request, int warmup, int count) throws IOException,
            InterruptedException {
        Samples samples = new Samples(count);
        try (WatchService watch = res.getFileSystem().newWatchService()) {
            res.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            for (int i = 0; i < warmup + count; i++) {
                String id = String.format("bench%06d", i);
                long started = System.nanoTime();
                DurableWrites.publishNewUnsynced(req.resolve("OQSsiquc01req_" + id + ".xml"), request,
                        DurableWrites.OWNER_AND_GROUP);
                Path result = res.resolve("OQSsiquc01res_" + id + ".xml");
                awaitCreated(watch, result);
                byte[] answer = Files.readAllBytes(result);
                long elapsed = System.nanoTime() - started;
                requireCompleted(answer, id);
                Files.delete(result);
                if (i >= warmup) {
                    samples.add(elapsed);
                }
            }
        }
        return samples;
    }

    private static void awaitCreated(WatchService watch, Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!Files.exists(file)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("no result " + name + " within 20 s");
            }
            WatchKey key = watch.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            if (key == null) {
                continue;
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                if (name.equals(String.valueOf(event.context()))) {
                    key.reset();
                    return;
                }
            }
            key.reset();
        }
    }

    private static void requireCompleted(byte[] answer, String id) throws IOException {
        SegmentOfResult segment = QualificationMessages.parseResult(answer).header().segmentOfResult();
        if (segment != SegmentOfResult.COMPLETED) {
            throw new IOException("request " + id + " was not answered normally: SegmentOfResult " + segment.code());
        }
    }

    /** The floor: the same write + rename + read on the same disk, with nobody answering. */
    static Samples fileFloor(Path dir, byte[] content, int count) throws IOException {
        Samples samples = new Samples(count);
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            Path target = dir.resolve("floor" + i + ".xml");
            DurableWrites.publishNewUnsynced(target, content, DurableWrites.OWNER_AND_GROUP);
            Files.readAllBytes(target);
            samples.add(System.nanoTime() - started);
            Files.delete(target);
        }
        return samples;
    }
}
