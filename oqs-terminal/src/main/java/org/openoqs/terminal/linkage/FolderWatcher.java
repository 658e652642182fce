package org.openoqs.terminal.linkage;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports created or modified entries of one folder from a background thread. Events can be lost (overflow, network
 * file systems), so this only speeds up pick-up; the periodic rescan is what guarantees it.
 */
final class FolderWatcher implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    private final Path folder;
    private final Consumer<String> onEntry;
    private final Runnable onOverflow;
    private WatchService watchService;
    private Thread thread;

    /**
     * @param onEntry    called with the file name of each created or modified entry
     * @param onOverflow called when events were dropped and the folder must be scanned in full
     */
    FolderWatcher(Path folder, Consumer<String> onEntry, Runnable onOverflow) {
        this.folder = folder;
        this.onEntry = onEntry;
        this.onOverflow = onOverflow;
    }

    void start() throws IOException {
        watchService = folder.getFileSystem().newWatchService();
        folder.register(watchService, ENTRY_CREATE, ENTRY_MODIFY);
        thread = new Thread(this::run, "oqs-linkage-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == OVERFLOW) {
                        onOverflow.run();
                    } else if (event.context() instanceof Path name) {
                        onEntry.accept(name.toString());
                    }
                }
                if (!key.reset()) {
                    log.warn("{} can no longer be watched; pick-up relies on the periodic rescan", folder);
                    return;
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: normal end
        } catch (RuntimeException e) {
            log.error("watching {} failed; pick-up relies on the periodic rescan", folder, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (watchService != null) {
            watchService.close();
        }
    }
}
