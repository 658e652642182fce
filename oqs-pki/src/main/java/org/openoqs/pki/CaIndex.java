package org.openoqs.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index of issued certificates as a tab-separated text file, one certificate per line, so an
 * administrator can read it with {@code less} or a spreadsheet:
 * <pre>serial(hex) TAB kind TAB notBefore TAB notAfter TAB revokedAt|- TAB reason|- TAB subject</pre>
 * Tabs, newlines and backslashes inside a field are written as {@code \t \n \r \\}.
 */
final class CaIndex {
    private static final String HEADER =
            "# openoqs CA index\tserial\tkind\tnotBefore\tnotAfter\trevokedAt\treason\tsubject";
    private static final String NONE = "-";

    private CaIndex() {
    }

    static Map<BigInteger, IssuedCertificateRecord> read(Path file) throws IOException {
        Map<BigInteger, IssuedCertificateRecord> records = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return records;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            IssuedCertificateRecord record = parse(line, file, i + 1);
            records.put(record.serial(), record);
        }
        return records;
    }

    static void write(Path file, Collection<IssuedCertificateRecord> records) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (IssuedCertificateRecord r : records) {
            text.append(Serials.format(r.serial())).append('\t')
                    .append(r.kind()).append('\t')
                    .append(r.notBefore()).append('\t')
                    .append(r.notAfter()).append('\t')
                    .append(r.revoked() ? r.revokedAt().toString() : NONE).append('\t')
                    .append(r.revoked() ? escape(r.revocationReason()) : NONE).append('\t')
                    .append(escape(r.subject())).append('\n');
        }
        AtomicFiles.writePublic(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static IssuedCertificateRecord parse(String line, Path file, int lineNumber) {
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
            throw new CertificateAuthorityException(
                    file + " line " + lineNumber + ": expected 7 tab-separated fields, found " + f.length);
        }
        try {
            boolean revoked = !NONE.equals(f[4]);
            return new IssuedCertificateRecord(Serials.parse(f[0]), unescape(f[6]), CertificateKind.valueOf(f[1]),
                    Instant.parse(f[2]), Instant.parse(f[3]),
                    revoked ? Instant.parse(f[4]) : null, revoked ? unescape(f[5]) : null);
        } catch (RuntimeException e) {
            throw new CertificateAuthorityException(file + " line " + lineNumber + " is malformed: " + line, e);
        }
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                out.append(c);
                continue;
            }
            char next = value.charAt(++i);
            out.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return out.toString();
    }
}
