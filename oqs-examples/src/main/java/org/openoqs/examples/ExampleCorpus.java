package org.openoqs.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Index of the synthetic example files shipped in this module, under
 * {@code org/openoqs/examples/<dir>/} on the classpath: {@code valid/} (one inquiry per persona),
 * {@code edge/} (valid but unusual requests) and {@code invalid/} (one file per kind of bad input).
 *
 * <p>Each directory has an {@code index.csv} (UTF-8, RFC 4180 quoting, header row):
 * {@code file,kind,expected,description}.
 * <ul>
 *   <li>{@code file}: the file name in the directory;</li>
 *   <li>{@code kind}: in {@code valid/} the request type (e.g. {@code OQSsiquc01req}); in {@code edge/} and
 *       {@code invalid/} a short category slug ({@code bytes}, {@code xml}, {@code encoding}, {@code security},
 *       {@code structure}, {@code header}, {@code search-info}, {@code layout}, {@code insurer-number},
 *       {@code optional});</li>
 *   <li>{@code expected}: an openoqs error code ({@code OQSF…} file level, {@code OQSP…} person level) for invalid
 *       files; {@code validity:<1-6>} (the expected {@code QualificationValidity}) for files answered by the
 *       demo population; {@code parsed} for files that must read and pass validation but whose answer is not fixed;</li>
 *   <li>{@code description}: free text.</li>
 * </ul>
 * All requests are addressed to the demo facility {@value #DEMO_INSTITUTION_CODE}.
 */
public final class ExampleCorpus {

    /** The demo facility every corpus request is addressed to. */
    public static final String DEMO_INSTITUTION_CODE = "0113810014";
    /** A valid code of another facility (used by the institution-mismatch example). */
    public static final String OTHER_INSTITUTION_CODE = "1313810010";

    public static final String VALID = "valid";
    public static final String EDGE = "edge";
    public static final String INVALID = "invalid";
    /**
     * Bulk flows ({@code OQSmu…}, docs/bulk.md); {@code kind} is the request type, {@code expected} an error code for a
     * file that fails as a whole, else {@code accepted} optionally followed by {@code :} and one outcome per entry,
     * {@code ;}-separated: {@code validity=N}, {@code ok} (registered) or a person-level code.
     */
    public static final String BULK = "bulk";
    /**
     * 居宅同意取得型 re-inquiries ({@code OQSsihvq01req}, {@code OQSsionq01req}; docs/home-care.md); {@code kind} is the
     * request type (the file must be dropped under that prefix), {@code expected} as in {@code valid/} and
     * {@code invalid/}. {@code validity:N} holds once the persona's card confirmed for that care setting at the demo
     * facility; {@value #SERVICE_DECIDED_CODE} is decided by the service (the file itself is well-formed).
     */
    public static final String HOME_CARE = "homecare";
    /**
     * マイナ在宅受付Web URL requests ({@code OQSsiurl01req}; docs/home-care.md); {@code expected} is an error code or
     * {@code url:<UrlAcquisitionClassification>:<FileFormatClassification>[:<UrlChangeClassification>]}.
     */
    public static final String HOME_CARE_URL = "homecare-url";
    /** The one expected code of {@value #HOME_CARE}/ that only the service can decide: no consent (OQSP4201). */
    public static final String SERVICE_DECIDED_CODE = "OQSP4201";
    /**
     * Qualification <em>results</em> as the service writes them, for the レセコン's side (results/): the 医療扶助
     * {@code PublicExpenseResultList}; {@code expected} is {@code tickets:N} (the record's 医療券・調剤券) or the code
     * a reader gives an unreadable result ({@code OQSF9003}).
     */
    public static final String RESULTS = "results";

    private static final String ROOT = "/org/openoqs/examples/";

    private ExampleCorpus() {
    }

    /** One example file and what it is expected to produce. */
    public record Example(String dir, String file, String kind, String expected, String description) {

        /** The file's bytes, exactly as committed. */
        public byte[] bytes() {
            try (InputStream in = ExampleCorpus.class.getResourceAsStream(resourcePath())) {
                if (in == null) {
                    throw new IllegalStateException("corpus file listed in index.csv but missing: " + resourcePath());
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Classpath resource name, e.g. {@code /org/openoqs/examples/invalid/empty.xml}. */
        public String resourcePath() {
            return ROOT + dir + "/" + file;
        }

        /** True when {@code expected} is an error code ({@code OQSF…}/{@code OQSP…}). */
        public boolean expectsError() {
            return expected.startsWith("OQSF") || expected.startsWith("OQSP");
        }

        /** True for an {@code OQSF…} (file-level) error code. */
        public boolean expectsFileLevelError() {
            return expected.startsWith("OQSF");
        }

        /** True for an {@code OQSP…} (person-level) error code. */
        public boolean expectsPersonLevelError() {
            return expected.startsWith("OQSP");
        }

        /** The expected {@code QualificationValidity} code for {@code validity:N}, else empty. */
        public Optional<String> expectedValidity() {
            return expected.startsWith("validity:") ? Optional.of(expected.substring("validity:".length()).strip())
                    : Optional.empty();
        }

        @Override
        public String toString() {
            return dir + "/" + file;
        }
    }

    public static List<Example> all() {
        List<Example> out = new ArrayList<>(valid());
        out.addAll(edge());
        out.addAll(invalid());
        return List.copyOf(out);
    }

    public static List<Example> valid() {
        return dir(VALID);
    }

    public static List<Example> edge() {
        return dir(EDGE);
    }

    public static List<Example> invalid() {
        return dir(INVALID);
    }

    /** The bulk-flow examples ({@value #BULK}/); not part of {@link #all()}, which holds single inquiries only. */
    public static List<Example> bulk() {
        return dir(BULK);
    }

    /** The 居宅同意取得型 re-inquiry examples ({@value #HOME_CARE}/); not part of {@link #all()}. */
    public static List<Example> homeCare() {
        return dir(HOME_CARE);
    }

    /** The マイナ在宅受付Web URL examples ({@value #HOME_CARE_URL}/); not part of {@link #all()}. */
    public static List<Example> homeCareUrl() {
        return dir(HOME_CARE_URL);
    }

    /** The qualification-result examples ({@value #RESULTS}/); not part of {@link #all()}, which holds requests. */
    public static List<Example> results() {
        return dir(RESULTS);
    }

    /** The examples of one directory; empty when it has no index.csv. */
    public static List<Example> dir(String dir) {
        try (InputStream in = ExampleCorpus.class.getResourceAsStream(ROOT + dir + "/index.csv")) {
            if (in == null) {
                return List.of();
            }
            List<List<String>> rows = parseCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Example> out = new ArrayList<>();
            for (int i = 1; i < rows.size(); i++) { // row 0 is the header
                List<String> r = rows.get(i);
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                if (r.size() < 3) {
                    throw new IllegalStateException(dir + "/index.csv line " + (i + 1) + ": expected file,kind,expected[,description]");
                }
                out.add(new Example(dir, r.get(0).strip(), r.get(1).strip(), r.get(2).strip(), r.size() > 3 ? r.get(3) : ""));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Minimal RFC 4180 reader: quoted fields, doubled quotes, LF or CRLF. */
    static List<List<String>> parseCsv(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
