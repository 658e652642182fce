package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA directory's lock holds across two instances in one process (the monitor) and across two processes (the OS
 * lock on {@code ca.lock}): a change waits until the other holder is done.
 */
class CaStorageLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondInstanceInTheSameProcessWaitsForTheFirst() throws Exception {
        CaStorage first = CaStorage.open(tmp.resolve("ca"));
        CaStorage second = CaStorage.open(tmp.resolve("ca"));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> first.locked(() -> {
            holding.countDown();
            awaitUninterruptibly(release);
            return null;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> second.locked(() -> "second"));

        assertThat(waitedOut(waiter)).as("the second instance must wait while the first holds the lock").isTrue();
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    @Timeout(120) // a child JVM that never speaks must fail the test, not hang the build
    void anotherProcessHoldingTheLockMakesAChangeWait() throws Exception {
        Path dir = CaStorage.open(tmp.resolve("ca")).directory();
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine(); // a JVM may print notices (JAVA_TOOL_OPTIONS …) before the holder speaks
            } while (line != null && !line.equals(LockHolder.HOLDING));
            assertThat(line).as("the other process took the lock").isEqualTo(LockHolder.HOLDING);

            CompletableFuture<String> waiter = CompletableFuture.supplyAsync(
                    () -> CaStorage.open(dir).locked(() -> "after the other process"));

            assertThat(waitedOut(waiter)).as("this process must wait while the other holds ca.lock").isTrue();
            other.getOutputStream().close(); // the holder releases when its stdin ends
            assertThat(waiter.get(20, TimeUnit.SECONDS)).isEqualTo("after the other process");
        } finally {
            other.destroy();
            other.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitedOut(CompletableFuture<?> future) throws Exception {
        try {
            future.get(500, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException expected) {
            return true;
        }
    }

    /** Run in a child JVM: takes the lock of the directory in args[0] and holds it until its stdin is closed. */
    static final class LockHolder {
        static final String HOLDING = "holding";

        public static void main(String[] args) throws Exception {
            CaStorage.open(Path.of(args[0])).locked(() -> {
                System.out.println(HOLDING);
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close our stdin
                }
                return null;
            });
        }
    }
}
