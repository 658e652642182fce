package org.openoqs.server.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A pass that runs on every instance at a fixed delay, on its own daemon thread, started and stopped with the
 * application context. A failed pass is logged and tried again at the next one (the database may be restarting),
 * so a job never dies on one error.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String threadName;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    protected PeriodicJob(String threadName, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(threadName + ": the interval must be positive");
        }
        this.threadName = threadName;
        this.interval = interval;
    }

    /** One scheduled pass. */
    protected abstract void runPass();

    @Override
    public void start() {
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        e.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = e;
    }

    private void runQuietly() {
        try {
            runPass();
        } catch (RuntimeException failed) {
            log.warn("{} failed: {}", threadName, failed.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        executor = null;
        if (e != null) {
            e.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
