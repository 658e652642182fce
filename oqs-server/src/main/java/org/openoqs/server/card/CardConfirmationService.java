package org.openoqs.server.card;

import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.card.PresenceStatement;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentChoices;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.ConsentResults;
import org.openoqs.core.consent.ConsentRules;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.pki.UserCertificateStatus;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.device.DeviceCaller;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.reference.ReferenceNumberService;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.springframework.stereotype.Service;

/**
 * A card confirmation (マイナンバーカードによる資格確認): verify that the card's holder is present — the one-time
 * challenge, the certificate (the one registered for the card, chaining to the individuals' CA, inside its validity,
 * not on the CRL) and the signature over the {@link PresenceStatement} — then record the consents the holder signed
 * and answer the qualification with {@link EligibilityService#answerForPerson} as a face result
 * ({@code ReferenceClassification} 1). Every outcome, refusals included, is audited.
 */
@Service
public class CardConfirmationService {

    public static final String ACTION = "CARD_CONFIRMATION";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the reader sends after the card signed. */
    public record ConfirmationRequest(String challengeId, String credential, String method, List<String> consents,
            String treatment, String certificate, String signature) {
    }

    private final CardRegistry cards;
    private final CardChallengeService challenges;
    private final CardCredentialStore credentials;
    private final IndividualCa ca;
    private final JdbcQualificationRegistry registry;
    private final ConsentService consents;
    private final ReferenceNumberService referenceNumbers;
    private final AuditLog audit;
    private final Clock clock;
    private final org.openoqs.server.homecare.HomeCareConsentStore homeCare;
    private final org.openoqs.server.subsidy.MedicalSubsidyResults subsidies;
    private final org.openoqs.server.emergency.EmergencyCardRequests emergencyCards;

    public CardConfirmationService(CardRegistry cards, CardChallengeService challenges, CardCredentialStore credentials,
            IndividualCa ca, JdbcQualificationRegistry registry, ConsentService consents,
            ReferenceNumberService referenceNumbers, AuditLog audit, Clock clock,
            org.openoqs.server.homecare.HomeCareConsentStore homeCare,
            org.openoqs.server.subsidy.MedicalSubsidyResults subsidies,
            org.openoqs.server.emergency.EmergencyCardRequests emergencyCards) {
        this.emergencyCards = emergencyCards;
        this.homeCare = homeCare;
        this.subsidies = subsidies;
        this.cards = cards;
        this.challenges = challenges;
        this.credentials = credentials;
        this.ca = ca;
        this.registry = registry;
        this.consents = consents;
        this.referenceNumbers = referenceNumbers;
        this.audit = audit;
        this.clock = clock;
    }

    public QualificationInquiryResult confirm(DeviceCaller caller, Facility facility, String cardId,
            ConfirmationRequest request) {
        MyNumberCard card = cards.require(cardId);
        CredentialKind kind = CredentialKind.ofName(request.credential())
                .orElseThrow(() -> refuse(caller, card, null, ErrorCode.PRESENCE_METHOD_NOT_ALLOWED, "資格確認の媒体が不明です"));
        PresenceMethod method = PresenceMethod.ofName(request.method())
                .filter(m -> m.allowedFor(kind))
                .orElseThrow(() -> refuse(caller, card, kind, ErrorCode.PRESENCE_METHOD_NOT_ALLOWED, null));
        Set<ConsentCategory> chosen = consentsOf(request.consents());
        MedicalTreatmentFlag treatment = request.treatment() == null || request.treatment().isBlank()
                ? MedicalTreatmentFlag.OUTPATIENT
                : MedicalTreatmentFlag.ofName(request.treatment()).filter(t -> t != MedicalTreatmentFlag.EMERGENCY)
                        .orElseThrow(() -> refuse(caller, card, kind, ErrorCode.INVALID_TREATMENT_FLAG, null));
        if (kind.isSmartphone() && !facility.settings().smartphone()) {
            throw refuse(caller, card, kind, ErrorCode.SMARTPHONE_NOT_ENABLED, null);
        }
        signedByTheCard(caller, facility, card, kind, method, chosen, treatment, request.challengeId(),
                request.certificate(), request.signature());
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        if (method == PresenceMethod.PIN && kind == CredentialKind.MY_NUMBER_CARD && card.status() == CardStatus.PIN_LOCKED) {
            // The card would not have signed after a PIN check; a signature claiming one means a tampered reader.
            throw refuse(caller, card, kind, ErrorCode.CARD_PIN_LOCKED, null);
        }

        LocalDate today = now.toLocalDate();
        String reference = referenceNumbers.lookup(facility.institutionCode(), card.personId()).orElse(null);
        EligibilityService eligibility = facility.settings().medicalAssistance()
                ? new EligibilityService(registry).withMedicalTicketsFor(facility.institutionCode())
                : new EligibilityService(registry);
        QualificationResultBody body = eligibility.answerForPerson(card.personId(), today,
                facility.settings().medicalAssistance(), chosen.contains(ConsentCategory.LIMIT), reference, now);
        if (body.qualificationValidity() == QualificationValidity.NOT_FOUND) {
            throw refuse(caller, card, kind, ErrorCode.CARD_NO_QUALIFICATION, null);
        }
        List<ConsentRecord> given = new ArrayList<>();
        for (ConsentCategory c : chosen) {
            if (!facility.settings().offersConsent(c)) {
                continue; // 手術情報 / 電子カルテ情報 are not offered where the facility did not switch them on
            }
            if (c == ConsentCategory.SUBSIDY && !subsidies.enabled(facility.institutionCode())) {
                continue; // 医療費助成 (PMH) is not offered where the facility did not opt in (docs/pmh.md)
            }
            given.add(new ConsentRecord(facility.institutionCode(), card.personId(), c, treatment, now,
                    ConsentRules.availableUntil(treatment, now)));
        }
        consents.record(given, card.cardId(), method.cliName());
        if (treatment == MedicalTreatmentFlag.HOME_VISIT || treatment == MedicalTreatmentFlag.ONLINE) {
            // 居宅同意取得型: this card confirmation lets the facility re-inquire later (docs/home-care.md)
            homeCare.recordGiven(facility.institutionCode(), card.personId(), treatment, now, card.cardId());
        }
        body = ConsentResults.apply(body, consents.latest(facility.institutionCode(), card.personId()), now,
                facility.settings().operationInfo(), facility.settings().eKarteSharing());
        body = subsidies.apply(body, facility.institutionCode(), card.personId(),
                chosen.contains(ConsentCategory.SUBSIDY), today);
        ResultHeader header = new ResultHeader(now, today, facility.institutionCode(), fileToken(),
                ReferenceClassification.MY_NUMBER_CARD, SegmentOfResult.COMPLETED, null, null,
                facility.settings().characterCode());
        String outcome = body.qualificationValidity() != null ? "OK validity=" + body.qualificationValidity().code()
                : "PERSON_ERROR " + body.processingResultCode();
        record(caller, card, kind, method, outcome + " consents=" + names(given));
        return new QualificationInquiryResult(header, body);
    }

    /** What a reader sends when it read a card for 救急時医療情報閲覧: the 受付番号 and the card's signature. */
    public record EmergencyIdentificationRequest(String challengeId, String credential, String requestCode,
            String certificate, String signature) {
    }

    /**
     * 救急時医療情報閲覧 by card (docs/emergency-view.md): the patient cannot consent or enter a PIN, so the staff
     * compare the card's photo (目視確認) and the card signs the challenge with the treatment 救急 and no consent; the
     * card is verified exactly as for a confirmation, then bound to the 受付番号 an emergency account of this facility
     * asked for. No consent is recorded and no qualification is answered: the reader learns only that it worked.
     */
    public void identifyForEmergency(DeviceCaller caller, Facility facility, String cardId,
            EmergencyIdentificationRequest request) {
        MyNumberCard card = cards.require(cardId);
        CredentialKind kind = CredentialKind.ofName(request.credential()).filter(k -> !k.isSmartphone())
                .orElseThrow(() -> refuse(caller, card, null, ErrorCode.PRESENCE_METHOD_NOT_ALLOWED, "マイナンバーカードを読み取ってください"));
        signedByTheCard(caller, facility, card, kind, PresenceMethod.VISUAL, Set.of(), MedicalTreatmentFlag.EMERGENCY,
                request.challengeId(), request.certificate(), request.signature());
        if (!emergencyCards.identify(facility.institutionCode(), caller.actor(), request.requestCode(), card.cardId(),
                card.personId())) {
            throw refuse(caller, card, kind, ErrorCode.EMERGENCY_CARD_REQUEST_UNKNOWN, null);
        }
        record(caller, card, kind, PresenceMethod.VISUAL, "EMERGENCY_IDENTIFIED");
    }

    /** The challenge, the card's registered and valid certificate, its signature over the statement: else refused. */
    private void signedByTheCard(DeviceCaller caller, Facility facility, MyNumberCard card, CredentialKind kind,
            PresenceMethod method, Set<ConsentCategory> chosen, MedicalTreatmentFlag treatment, String challengeId,
            String certificate, String signature) {
        String nonce = challenges.consume(challengeId, facility, card.cardId(), kind)
                .orElseThrow(() -> refuse(caller, card, kind, ErrorCode.CARD_CHALLENGE_INVALID, null));
        X509Certificate presented = certificate(certificate);
        StoredCredential stored = credentials.current(card.cardId(), kind).orElse(null);
        if (presented == null || stored == null
                || !stored.serialHex().equalsIgnoreCase(presented.getSerialNumber().toString(16))) {
            throw refuse(caller, card, kind, ErrorCode.CARD_CERTIFICATE_INVALID, "カードに登録された証明書ではありません");
        }
        UserCertificateStatus status = ca.verify(presented, clock.instant());
        switch (status) {
            case VALID -> { }
            case EXPIRED -> throw refuse(caller, card, kind, ErrorCode.CARD_CERTIFICATE_EXPIRED, null);
            case REVOKED -> throw refuse(caller, card, kind, ErrorCode.CARD_CERTIFICATE_REVOKED, null);
            default -> throw refuse(caller, card, kind, ErrorCode.CARD_CERTIFICATE_INVALID, status.name());
        }
        PresenceStatement statement = new PresenceStatement(challengeId, nonce, facility.institutionCode(),
                card.cardId(), kind, method, chosen, treatment);
        if (!CardSignatures.verify(presented.getPublicKey(), statement.signingInput(), signature(signature))) {
            throw refuse(caller, card, kind, ErrorCode.CARD_SIGNATURE_INVALID, null);
        }
    }

    private Set<ConsentCategory> consentsOf(List<String> names) {
        Set<ConsentCategory> out = EnumSet.noneOf(ConsentCategory.class);
        if (names != null) {
            try {
                out.addAll(ConsentChoices.parse(String.join(",", names)));
            } catch (InputRejectedException e) {
                throw new CardApiException(ErrorCode.INVALID_CONSENT_CHOICE, e.detail());
            }
        }
        return out;
    }

    private CardApiException refuse(DeviceCaller caller, MyNumberCard card, CredentialKind kind, ErrorCode code,
            String detail) {
        audit.append(caller.institutionCode(), caller.actor(), ACTION, subject(card, kind, null), "REFUSED " + code.code());
        return new CardApiException(code, detail);
    }

    private void record(DeviceCaller caller, MyNumberCard card, CredentialKind kind, PresenceMethod method,
            String outcome) {
        audit.append(caller.institutionCode(), caller.actor(), ACTION, subject(card, kind, method), outcome);
    }

    private static String subject(MyNumberCard card, CredentialKind kind, PresenceMethod method) {
        return "card=" + card.cardId() + ";credential=" + (kind == null ? "-" : kind.cliName()) + ";method="
                + (method == null ? "-" : method.cliName()) + ";persons=" + card.personId();
    }

    private static String names(List<ConsentRecord> given) {
        return given.isEmpty() ? "-" : String.join(",", given.stream().map(r -> r.category().cliName()).toList());
    }

    /** An opaque per-file token like the real face files' {@code ArbitraryFileIdentifier} (16 chars, base64). */
    private static String fileToken() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    static X509Certificate certificate(String pemOrBase64) {
        if (pemOrBase64 == null || pemOrBase64.isBlank() || pemOrBase64.length() > 8192) {
            return null;
        }
        String text = pemOrBase64.strip();
        byte[] bytes = text.startsWith("-----BEGIN") ? text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                : decodeOrEmpty(text);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException | ClassCastException e) {
            return null;
        }
    }

    private static byte[] signature(String base64) {
        return decodeOrEmpty(base64 == null ? "" : base64.strip());
    }

    private static byte[] decodeOrEmpty(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
