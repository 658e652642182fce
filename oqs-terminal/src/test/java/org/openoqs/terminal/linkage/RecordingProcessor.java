package org.openoqs.terminal.linkage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A processor that answers with an echo, records every call and measures how many calls overlap. */
final class RecordingProcessor implements RequestProcessor {

    private final Map<String, AtomicInteger> callsByName = new ConcurrentHashMap<>();
    private final List<RequestFile> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private volatile Function<RequestFile, ProcessedResult> behaviour = RecordingProcessor::echo;
    private volatile Duration delay = Duration.ZERO;

    static String resultNameOf(String requestName) {
        return requestName.replaceFirst("req_", "res_");
    }

    static String answerTo(String requestName, String content) {
        return "answer to " + requestName + ": " + content;
    }

    static ProcessedResult echo(RequestFile request) {
        String content = request.oversized() ? "oversized" : request.notRegularFile() ? "not a regular file"
                : new String(request.content(), StandardCharsets.UTF_8);
        return new ProcessedResult(resultNameOf(request.name()),
                answerTo(request.name(), content).getBytes(StandardCharsets.UTF_8));
    }

    RecordingProcessor behaving(Function<RequestFile, ProcessedResult> newBehaviour) {
        this.behaviour = newBehaviour;
        return this;
    }

    RecordingProcessor taking(Duration newDelay) {
        this.delay = newDelay;
        return this;
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            callsByName.computeIfAbsent(request.name(), name -> new AtomicInteger()).incrementAndGet();
            requests.add(request);
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            return behaviour.apply(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            running.decrementAndGet();
        }
    }

    int callsFor(String requestName) {
        AtomicInteger calls = callsByName.get(requestName);
        return calls == null ? 0 : calls.get();
    }

    Map<String, AtomicInteger> callsByName() {
        return callsByName;
    }

    List<RequestFile> requests() {
        return requests;
    }

    int maxConcurrentCalls() {
        return maxRunning.get();
    }
}
