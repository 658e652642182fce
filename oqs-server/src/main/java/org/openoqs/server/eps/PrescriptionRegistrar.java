package org.openoqs.server.eps;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.codec.eps.EpsMessages;
import org.openoqs.core.codec.eps.EpsRequests;
import org.openoqs.core.codec.eps.PrescriptionDocuments;
import org.openoqs.core.eps.EpsRejectedException;
import org.openoqs.core.eps.EpsResultCode;
import org.openoqs.core.eps.PrescriptionDocument;
import org.openoqs.core.eps.SignatureVerification;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.pki.HpkiCertificates;
import org.openoqs.pki.PrescriptionSignatureCheck;
import org.openoqs.pki.PrescriptionSignatureFailure;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.facility.Facility;
import org.springframework.stereotype.Component;

/**
 * 処方箋登録: decode the signed payload, verify the doctor's signature, read the document, check it against the
 * caller and its settings, and store it with a fresh id and 引換番号. A signature problem and content problems are
 * reported together ({@code VerifyResultList}, {@code XmlCheckResultList}). The same payload registered again is
 * answered with the first registration ({@code EPSB1005I}), so a retried file cannot create a second prescription.
 */
@Component
class PrescriptionRegistrar {

    private final PrescriptionStore store;
    private final HpkiTrust trust;

    PrescriptionRegistrar(PrescriptionStore store, HpkiTrust trust) {
        this.store = store;
        this.trust = trust;
    }

    EpsOutcome register(Facility facility, EpsRequests.Register request, LocalDateTime now) {
        byte[] payload = decode(request.prescriptionInfo());
        Optional<StoredPrescription> earlier = store.findByPayload(facility.institutionCode(), payload);
        if (earlier.isPresent()) {
            return registered(earlier.get(), EpsResultCode.ALREADY_REGISTERED,
                    new SignatureVerification(earlier.get().signer(), List.of()));
        }
        PrescriptionSignatureCheck check = trust.verifier().verify(payload, now.atZone(ServerConfig.TOKYO).toInstant());
        if (!check.readable()) {
            throw new EpsRejectedException(EpsResultCode.UNREADABLE_PRESCRIPTION, "CMS SignedData ではありません");
        }
        PrescriptionDocuments.Reading reading = PrescriptionDocuments.read(check.content().orElseThrow());
        List<EpsResultCode> failures = new ArrayList<>();
        for (PrescriptionSignatureFailure f : check.failures()) {
            failures.add(EpsResultCode.valueOf(f.name()));
        }
        if (reading.ok() && check.signer().isPresent() && !sameName(
                HpkiCertificates.holderName(check.signer().get()).orElse(""), reading.document().doctorName())) {
            failures.add(EpsResultCode.SIGNER_NAME_MISMATCH);
        }
        SignatureVerification verification = new SignatureVerification(check.signId(), failures);
        if (!verification.valid() || !reading.ok()) {
            EpsResultCode code = verification.valid() ? EpsResultCode.INVALID_PRESCRIPTION_CONTENT
                    : EpsResultCode.SIGNATURE_INVALID;
            XmlNode.Builder body = EpsMessages.body(code, null);
            EpsMessages.checkResults(body, reading.problems());
            body.child(verification.toXml());
            return new EpsOutcome(body.build(), "signer=" + check.signId(), "REFUSED " + code.code());
        }
        PrescriptionDocument document = reading.document();
        if (!document.medicalInstitutionCode().equals(facility.institutionCode())) {
            throw new EpsRejectedException(EpsResultCode.PRESCRIPTION_INSTITUTION_MISMATCH,
                    "処方箋の医療機関コード: " + document.medicalInstitutionCode());
        }
        refuseIssueType(facility.settings().ePrescription(), request.issueType());
        if (document.expiryDate().isBefore(now.toLocalDate())) {
            throw new EpsRejectedException(EpsResultCode.PRESCRIPTION_EXPIRED_AT_REGISTRATION,
                    "使用期限: " + document.expiryDate());
        }
        PrescriptionStore.Registered stored = store.register(document, request.issueType(), payload, check.signId(),
                now.atZone(ServerConfig.TOKYO).toInstant());
        return registered(stored.prescription(), stored.created() ? null : EpsResultCode.ALREADY_REGISTERED,
                verification);
    }

    private static EpsOutcome registered(StoredPrescription p, EpsResultCode note, SignatureVerification verification) {
        XmlNode body = EpsMessages.body(note, null)
                .leaf("PrescriptionId", p.prescriptionId())
                .leaf("AccessCode", p.accessCode())
                .child(verification.toXml())
                .build();
        return new EpsOutcome(body, "prescription=" + p.prescriptionId(),
                note == null ? "REGISTERED" : "OK " + note.code());
    }

    private static void refuseIssueType(EPrescriptionUse use, PrescriptionIssueSelect type) {
        boolean refused = (use == EPrescriptionUse.PAPER_ONLY && type == PrescriptionIssueSelect.ELECTRONIC)
                || (use == EPrescriptionUse.ELECTRONIC_ONLY && type == PrescriptionIssueSelect.PAPER);
        if (refused) {
            throw new EpsRejectedException(EpsResultCode.ISSUE_TYPE_NOT_ALLOWED,
                    "環境設定: " + use.label() + "、IssueType: " + type.code() + "（" + type.label() + "）");
        }
    }

    private static byte[] decode(String base64) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(base64);
            if (bytes.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new EpsRejectedException(EpsResultCode.UNREADABLE_PRESCRIPTION, "Base64 として読み取れません");
        }
    }

    /** Names compared without any spaces (half- or full-width): 「試験　一郎」 equals 「試験 一郎」. */
    static boolean sameName(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String s) {
        return s.replaceAll("[\\s\\u3000]", "");
    }
}
