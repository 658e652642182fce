package org.openoqs.terminal.encryption;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import net.lingala.zip4j.exception.ZipException;
import net.lingala.zip4j.io.inputstream.ZipInputStream;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.LocalFileHeader;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;

/**
 * The encrypted file format: a ZIP archive holding exactly one file, encrypted with WinZip AES-256 (AE-2) under the
 * facility's OQS_CRYPT_PASS, compressed with Deflate. Everything is done in memory; nothing of an archive is ever
 * written to disk, so an entry name cannot escape a folder — it is still checked, because the name is echoed.
 *
 * <p>Opening refuses, with a {@link ZipOpenException.Reason}: bytes that are not a ZIP, a damaged archive, a wrong
 * password, an unencrypted entry or one encrypted with the old ZipCrypto scheme, no entry or more than one, an entry
 * name with a folder, path or control characters, an entry that is not {@code .xml}, and an entry that inflates past
 * the size limit (zip bomb: inflation stops at the limit, it is never completed in memory).
 */
public final class PasswordZip {

    private PasswordZip() {
    }

    /** A file taken out of an archive. */
    public record Entry(String name, byte[] content) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry that && name.equals(that.name) && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Entry[" + name + ", " + content.length + " bytes]";
        }
    }

    /** Packs one file into an AES-256 encrypted ZIP. */
    public static byte[] seal(String entryName, byte[] content, char[] password) {
        Objects.requireNonNull(content, "content");
        requirePassword(password);
        if (!isPlainFileName(entryName)) {
            throw new IllegalArgumentException("entry name must be a plain file name: " + entryName);
        }
        ZipParameters parameters = new ZipParameters();
        parameters.setFileNameInZip(entryName);
        parameters.setCompressionMethod(CompressionMethod.DEFLATE);
        parameters.setEncryptFiles(true);
        parameters.setEncryptionMethod(EncryptionMethod.AES);
        parameters.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        parameters.setLastModifiedFileTime(System.currentTimeMillis());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length / 2 + 256);
        try (ZipOutputStream zip = new ZipOutputStream(bytes, password.clone())) {
            zip.putNextEntry(parameters);
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an encrypted ZIP in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Takes the single XML file out of an encrypted archive.
     *
     * @param maxEntryBytes the largest inflated size accepted
     */
    public static Entry open(byte[] archive, char[] password, long maxEntryBytes) throws ZipOpenException {
        Objects.requireNonNull(archive, "archive");
        requirePassword(password);
        if (!startsWithLocalHeader(archive)) {
            throw new ZipOpenException(archive.length >= 4 && archive[0] == 'P' && archive[1] == 'K'
                    ? ZipOpenException.Reason.NO_ENTRY : ZipOpenException.Reason.NOT_A_ZIP);
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), password.clone())) {
            LocalFileHeader header = zip.getNextEntry();
            if (header == null) {
                throw new ZipOpenException(ZipOpenException.Reason.NO_ENTRY);
            }
            String name = header.getFileName();
            if (header.isDirectory() || !isPlainFileName(name)) {
                throw new ZipOpenException(ZipOpenException.Reason.UNSAFE_ENTRY_NAME);
            }
            if (!header.isEncrypted() || header.getEncryptionMethod() == EncryptionMethod.NONE) {
                throw new ZipOpenException(ZipOpenException.Reason.NOT_ENCRYPTED);
            }
            if (header.getEncryptionMethod() != EncryptionMethod.AES) {
                throw new ZipOpenException(ZipOpenException.Reason.UNSUPPORTED_ENCRYPTION);
            }
            if (!name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                throw new ZipOpenException(ZipOpenException.Reason.NOT_XML);
            }
            byte[] content = readLimited(zip, maxEntryBytes);
            LocalFileHeader next = zip.getNextEntry();
            if (next != null) {
                throw new ZipOpenException(ZipOpenException.Reason.MULTIPLE_ENTRIES);
            }
            return new Entry(name, content);
        } catch (ZipException e) {
            if (e.getType() == ZipException.Type.WRONG_PASSWORD) {
                throw new ZipOpenException(ZipOpenException.Reason.WRONG_PASSWORD, e);
            }
            if (e.getType() == ZipException.Type.UNSUPPORTED_ENCRYPTION) {
                throw new ZipOpenException(ZipOpenException.Reason.UNSUPPORTED_ENCRYPTION, e);
            }
            throw new ZipOpenException(ZipOpenException.Reason.CORRUPT, e);
        } catch (IOException | RuntimeException e) {
            // zip4j reports truncated or crafted archives with assorted exceptions; none of them is a crash for us
            throw new ZipOpenException(ZipOpenException.Reason.CORRUPT, e);
        }
    }

    private static byte[] readLimited(ZipInputStream zip, long maxEntryBytes) throws IOException, ZipOpenException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = zip.read(buffer)) != -1) {
            total += read;
            if (total > maxEntryBytes) {
                throw new ZipOpenException(ZipOpenException.Reason.TOO_LARGE);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static boolean startsWithLocalHeader(byte[] archive) {
        return archive.length >= 4 && archive[0] == 'P' && archive[1] == 'K' && archive[2] == 3 && archive[3] == 4;
    }

    /** No folder, no path, no drive, no control character: a name that is one file in one folder. */
    static boolean isPlainFileName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255 || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || "/\\:*?\"<>|".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static void requirePassword(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("an encryption password is required");
        }
    }
}
