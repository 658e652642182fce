package org.openoqs.terminal.linkage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The folders of one linkage agent.
 *
 * @param req  where the レセコン drops request files (the terminal's {@code C:\OQS\Req} share)
 * @param res  where the agent publishes result files (the {@code C:\OQS\Res} share)
 * @param work the agent's private state: {@code processing/} (claimed requests) and {@code answered.log} (journal).
 *             Must be on the same file system as {@code req}, because claiming is an atomic rename.
 */
public record LinkageFolders(Path req, Path res, Path work) {

    public LinkageFolders {
        req = Objects.requireNonNull(req, "req").toAbsolutePath().normalize();
        res = Objects.requireNonNull(res, "res").toAbsolutePath().normalize();
        work = Objects.requireNonNull(work, "work").toAbsolutePath().normalize();
        List<Path> all = List.of(req, res, work);
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < all.size(); j++) {
                if (i != j && all.get(i).startsWith(all.get(j))) {
                    throw new IllegalArgumentException("req, res and work must be separate, non-nested folders: "
                            + all.get(i) + ", " + all.get(j));
                }
            }
        }
    }

    /** {@code root/req}, {@code root/res}, {@code root/work}. */
    public static LinkageFolders under(Path root) {
        return new LinkageFolders(root.resolve("req"), root.resolve("res"), root.resolve("work"));
    }

    /** Claimed requests live here until their result is published. */
    public Path processing() {
        return work.resolve("processing");
    }

    /** The answer journal. */
    public Path journal() {
        return work.resolve("answered.log");
    }
}
