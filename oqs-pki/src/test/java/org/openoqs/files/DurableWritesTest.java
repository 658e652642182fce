package org.openoqs.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper on real folders: links are never written through, files never replaced by publishNew, no leftovers. */
class DurableWritesTest {

    @TempDir
    Path root;

    @Test
    void replaceSwapsALinkAsAnEntryAndStatesThePermissions() throws Exception {
        Path victim = Files.writeString(root.resolve("victim"), "keep");
        Path folder = Files.createDirectories(root.resolve("pub"));
        Path target = folder.resolve("secret.properties");
        Files.createSymbolicLink(target, victim);

        DurableWrites.replace(target, bytes("new"), DurableWrites.OWNER_ONLY);

        assertThat(Files.readString(victim)).isEqualTo("keep");
        assertThat(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(names(folder)).containsExactly("secret.properties");
    }

    @Test
    void publishNewNeverReplacesAFileButReplacesALink() throws Exception {
        Path folder = Files.createDirectories(root.resolve("res"));
        Path existing = Files.writeString(folder.resolve("a.xml"), "earlier");
        assertThatThrownBy(() -> DurableWrites.publishNew(existing, bytes("later"), DurableWrites.OWNER_AND_GROUP))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(existing)).isEqualTo("earlier");

        Path victim = Files.writeString(root.resolve("victim"), "keep");
        Path linked = folder.resolve("b.xml");
        Files.createSymbolicLink(linked, victim);
        DurableWrites.publishNew(linked, bytes("result"), DurableWrites.OWNER_AND_GROUP);
        assertThat(Files.readString(victim)).isEqualTo("keep");
        assertThat(Files.isRegularFile(linked, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(linked))).isEqualTo("rw-rw----");
        assertThat(names(folder)).containsExactly("a.xml", "b.xml");
    }

    @Test
    void publishingIntoAMissingFolderFails() {
        assertThatThrownBy(() -> DurableWrites.publishNew(root.resolve("gone/a.xml"), bytes("x"),
                DurableWrites.OWNER_ONLY)).isInstanceOf(java.io.IOException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static java.util.List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
