package org.openoqs.terminal.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import org.openoqs.files.DurableWrites;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.terminal.encryption.FaceResultEncryption;
import org.openoqs.terminal.linkage.ProcessedResult;

/**
 * Writes card-confirmation results into the {@code face} folder the way the レセコン expects them (INTERFACE.md §2.1,
 * §4.3): one person per file, named {@code OQSsiquc01res_face_<10-digit institution code><20 hex chars>_<yyyyMMddHHmmss>.xml},
 * encoded in the facility's character code (the header's {@code CharacterCodeIdentifier}), sealed when
 * {@code encrypt_face.conf} says so, and published atomically: written under a dot-name in the same folder, forced to
 * disk, then renamed, so a reader never sees half a file.
 */
public final class FaceFolderWriter {

    public static final String PREFIX = "OQSsiquc01res_face_";
    /** The kind name of card results in {@code encrypt_face.conf}. */
    public static final String ENCRYPTION_KIND = "face";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path face;
    private final FaceResultEncryption encryption;

    /** @param encryption may be null: every file plain */
    public FaceFolderWriter(Path face, FaceResultEncryption encryption) {
        this.face = Objects.requireNonNull(face, "face");
        this.encryption = encryption;
    }

    public Path folder() {
        return face;
    }

    /** Writes the result and returns the published file. */
    public Path write(QualificationInquiryResult result) {
        String name = fileName(result.header().medicalInstitutionCode(), result.header().processExecutionTime()
                .format(STAMP));
        byte[] bytes = QualificationMessages.writeResult(result, result.header().characterCodeIdentifier()).bytes();
        ProcessedResult published = encryption == null ? new ProcessedResult(name, bytes)
                : encryption.prepare(ENCRYPTION_KIND, name, bytes);
        return publish(published.resultFileName(), published.content());
    }

    /** {@code OQSsiquc01res_face_} + code + 20 random hex characters + {@code _} + timestamp + {@code .xml}. */
    static String fileName(String institutionCode, String timestamp) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return PREFIX + institutionCode + HexFormat.of().withUpperCase().formatHex(random) + "_" + timestamp + ".xml";
    }

    private Path publish(String name, byte[] content) {
        try {
            Files.createDirectories(face);
            Path target = face.resolve(name);
            // read by the face-recognition device through the share: owner and share group, never through a link
            DurableWrites.publishNew(target, content, DurableWrites.OWNER_AND_GROUP);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the face result " + name, e);
        }
    }
}
