package org.openoqs.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openoqs.examples.ExampleCorpus;

/** docs/errors.md and the invalid corpus keep up with the enum. */
class ErrorCodeDocsTest {

    /** Codes raised from file names, transport, JSON or the server: no request file can show them. */
    static final Set<ErrorCode> NOT_IN_CORPUS = Set.of(ErrorCode.FILE_TOO_LARGE, ErrorCode.MALFORMED_JSON,
            ErrorCode.UNKNOWN_REQUEST_TYPE, ErrorCode.UNSUPPORTED_REQUEST_TYPE, ErrorCode.INVALID_FILE_NAME,
            ErrorCode.DECRYPTION_FAILED, ErrorCode.REQUEST_NOT_A_REGULAR_FILE, // a link in req
            ErrorCode.CENTRAL_SERVICE_UNAVAILABLE, ErrorCode.CENTRAL_SERVICE_REJECTED,
            ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE, ErrorCode.INTERNAL_ERROR,
            ErrorCode.MEDICAL_ASSISTANCE_NOT_ENABLED, // depends on the facility's settings, not on the file
            ErrorCode.CERTIFICATE_RENEWAL_REFUSED, ErrorCode.DISTRIBUTION_PACKAGE_NOT_FOUND,
            ErrorCode.INVALID_DISTRIBUTION_REQUEST, // terminal API only (certificates, distribution)
            ErrorCode.DEVICE_SIGN_IN_REFUSED, ErrorCode.DEVICE_ACCOUNT_LOCKED, ErrorCode.DEVICE_SESSION_REQUIRED,
            ErrorCode.DEVICE_SESSION_EXPIRED, ErrorCode.DEVICE_SESSION_FOREIGN,
            ErrorCode.DEVICE_CREDENTIALS_MISSING, // the card readers' sign-in (terminal API, reader page)
            ErrorCode.INVALID_NOTICE_TITLE, ErrorCode.INVALID_NOTICE_BODY, ErrorCode.INVALID_NOTICE_PERIOD,
            ErrorCode.UNKNOWN_NOTICE_FACILITY, ErrorCode.NOTICE_NOT_FOUND, // the operator's お知らせ API only
            ErrorCode.PDF_FONT_UNUSABLE, // the service's PDF font setting, not the file
            // bulk flows: a job of another flow, 100,000+ entries, the facility's 医療扶助 setting, an internal failure
            ErrorCode.RECEPTION_KIND_MISMATCH, ErrorCode.TOO_MANY_BULK_ENTRIES,
            ErrorCode.BULK_MEDICAL_ASSISTANCE_NOT_ENABLED, ErrorCode.BULK_ENTRY_FAILED,
            // terminal API only: the defences of docs/security.md "Card and API"
            ErrorCode.CARD_KEY_ISSUER_ONLY, ErrorCode.REQUEST_BODY_TOO_LARGE, ErrorCode.CERTIFICATE_RENEWAL_TOO_EARLY,
            ErrorCode.TOO_MANY_CARD_CHALLENGES, ErrorCode.TOO_MANY_TERMINALS,
            // oqs audit verify and oqs doctor: the audit chain, not a request file
            ErrorCode.AUDIT_CHAIN_BROKEN, ErrorCode.AUDIT_DATABASE_UNAVAILABLE, ErrorCode.AUDIT_KEY_UNAVAILABLE,
            // CLINS: the HTTP layer (media type, size), a registered Bundle of another person, the DELETE endpoint
            ErrorCode.CLINS_WRONG_MEDIA_TYPE, ErrorCode.CLINS_BUNDLE_TOO_LARGE, ErrorCode.CLINS_PATIENT_CHANGED,
            ErrorCode.CLINS_BUNDLE_NOT_FOUND,
            // CLINS request files (CIPsibrg01 / CIPsibdl01) without their body: ClinsRequestFileRefusalsTest (oqs-app)
            ErrorCode.CLINS_REQUEST_BUNDLE_MISSING, ErrorCode.CLINS_REQUEST_IDENTIFIER_MISSING,
            ErrorCode.HOME_CARE_CONSENT_NOT_IN_FORCE, // the cancellation API only (docs/home-care.md)
            // 救急時医療情報閲覧: the portal's screens only (docs/emergency-view.md)
            ErrorCode.EMERGENCY_VIEW_HOSPITALS_ONLY, ErrorCode.EMERGENCY_VIEW_NOT_ENABLED,
            ErrorCode.EMERGENCY_PERMISSION_MISSING, ErrorCode.SECOND_FACTOR_REQUIRED, ErrorCode.SECOND_FACTOR_WRONG_CODE,
            ErrorCode.SECOND_FACTOR_CODE_USED, ErrorCode.SECOND_FACTOR_LOCKED, ErrorCode.EMERGENCY_PERMISSION_NOT_A_VIEWER,
            ErrorCode.SECOND_FACTOR_NOT_ENROLLED, ErrorCode.EMERGENCY_REASON_MISSING, ErrorCode.EMERGENCY_REASON_TEXT,
            ErrorCode.EMERGENCY_PATIENT_KEYS, ErrorCode.EMERGENCY_CARD_REQUEST_UNKNOWN, // and the card reader's side
            ErrorCode.EMERGENCY_CARD_NOT_IDENTIFIED,
            // CLINS documents: the destination's 環境設定, the sender's 取消 / 取消UNDO / 変更 / 利用状況確認 on stored
            // documents, and the destination's inbox (docs/clins.md "Documents"): no document file can show them
            ErrorCode.REFERRAL_DESTINATION_NOT_USING, ErrorCode.DOCUMENT_NOT_FOUND, ErrorCode.DOCUMENT_ALREADY_REGISTERED,
            ErrorCode.DOCUMENT_CANCELLED, ErrorCode.DOCUMENT_NOT_CANCELLED, ErrorCode.DOCUMENT_RECEIVED,
            ErrorCode.DOCUMENT_CHANGE_DESTINATION, ErrorCode.DOCUMENT_IDENTIFIER_MISMATCH, ErrorCode.DOCUMENT_FACILITY_CODE,
            ErrorCode.DOCUMENT_CONSENT_PENDING, ErrorCode.DOCUMENT_NOT_IN_INBOX, ErrorCode.DOCUMENT_REQUEST_IDENTIFIER,
            // 健康診断結果報告書 viewing (CIPsickr01): the patient's stored consent, and a request kind the corpus (of
            // OQSsiquc01 requests) does not hold; CheckupReportsAcrossFacilitiesApiTest shows both
            ErrorCode.CHECKUP_REPORT_CONSENT_MISSING, ErrorCode.CHECKUP_REPORT_FILE_CATEGORY);

    static Path docs() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        for (Path p = module.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/errors.md"))) {
                return p.resolve("docs/errors.md");
            }
        }
        throw new AssertionError("docs/errors.md not found above " + module.toAbsolutePath());
    }

    @Test
    void errorsMdListsEveryCodeWithItsMessage() throws IOException {
        String md = Files.readString(docs(), StandardCharsets.UTF_8);
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(md).as("docs/errors.md row of %s", c)
                    .contains("| `" + c.code() + "` | `" + c.name() + "` | " + c.message() + " |");
        }
    }

    @Test
    void everyCodeAFileCanShowHasAnInvalidExample() {
        Set<String> covered = ExampleCorpus.invalid().stream().map(ExampleCorpus.Example::expected)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        // bulk/ examples name their file-level code, or per-entry codes after "accepted:" (docs/bulk.md)
        ExampleCorpus.bulk().forEach(e -> covered.addAll(List.of(e.expected().split("[:;]"))));
        // clins/ examples (FHIR Bundles, docs/clins.md) name code@FHIRPath
        ExampleCorpus.dir("clins").forEach(e -> covered.add(e.expected().split("@")[0]));
        ExampleCorpus.dir("clins-documents").forEach(e -> covered.add(e.expected().split("@")[0])); // 3文書
        ExampleCorpus.homeCare().forEach(e -> covered.add(e.expected())); // 居宅同意取得型 re-inquiries
        ExampleCorpus.homeCareUrl().forEach(e -> covered.add(e.expected())); // マイナ在宅受付Web URL
        for (ErrorCode c : ErrorCode.values()) {
            // The 3000s (card path, consents, medical information, 照会番号) are not answers to OQSsiquc01 requests,
            // which is all this corpus holds; their own message tests cover them (e.g. MedicalInformationIntakeTest).
            if (!NOT_IN_CORPUS.contains(c) && !c.code().startsWith("OQSP3") && !c.code().startsWith("OQSP4")) {
                assertThat(covered).as("an invalid/ example for %s", c).contains(c.code());
            }
        }
    }
}
