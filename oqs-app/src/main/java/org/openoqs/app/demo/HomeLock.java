package org.openoqs.app.demo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One running demo per home. Two processes on one home would fight over the embedded database, the exchange
 * folders and the journal; the second start is refused with a clear message instead. The operating system
 * releases the lock when the process ends, even after a crash.
 */
final class HomeLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static HomeLock acquire(Path home) throws IOException {
        FileChannel channel = FileChannel.open(home.resolve(".oqs-demo.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new HomeInUseException(home);
        }
        return new HomeLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** Another demo process runs on this home. */
    static final class HomeInUseException extends IOException {
        private static final long serialVersionUID = 1L;

        HomeInUseException(Path home) {
            super("このホームディレクトリは別の oqs demo が使用中です: " + home
                    + "（先に起動した oqs demo を停止するか、別の --home を指定してください）");
        }
    }
}
