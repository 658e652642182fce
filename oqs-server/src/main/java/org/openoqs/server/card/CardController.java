package org.openoqs.server.card;

import jakarta.servlet.http.HttpServletRequest;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.server.api.JsonMirrorAnswer;
import org.openoqs.server.device.DeviceCaller;
import org.openoqs.server.device.DeviceSessionService;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.security.CallerFacility;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The card reader's side of the terminal API (docs/card-path.md, "Terminal API"):
 * <ul>
 *   <li>{@code POST /api/v1/cards/{cardId}/certificates} — always refused (403 {@code OQSF9601}): card keys are
 *       certified by their issuer when the card is made, never at a facility's request;</li>
 *   <li>{@code POST /api/v1/cards/{cardId}/challenges} — a one-time challenge (+ a pending PIN reset);</li>
 *   <li>{@code POST /api/v1/cards/{cardId}/confirmations} — the signed presence statement → the face result as
 *       the JSON mirror of {@code OQSsiquc01res_face_…};</li>
 *   <li>{@code POST /api/v1/cards/{cardId}/pin-lock} — the card locked itself after three wrong PINs, proved by the
 *       card's signature over a challenge ({@link CardPinService#reportLocked}).</li>
 * </ul>
 * Refusals are JSON {@code {"errorCode","message"}} with 400/403/404/409/422.
 *
 * <p>Every endpoint needs, besides the facility's client certificate, the session of a face-auth reader signed in
 * with its 顔認証用アカウント ({@value DeviceSessionService#HEADER}, {@link DeviceSessionService}); without one the
 * answer is 401 ({@code OQSF9303}–{@code OQSF9305}) before the card is looked at. The audit trail names the reader's
 * account: {@code device:F00001 cert:<serial>}.
 */
@RestController
@RequestMapping("/api/v1/cards")
public class CardController {


    private final CardIssuanceService issuance;
    private final CardChallengeService challenges;
    private final CardConfirmationService confirmations;
    private final CardPinService pins;
    private final DeviceSessionService devices;

    public CardController(CardIssuanceService issuance, CardChallengeService challenges,
            CardConfirmationService confirmations, CardPinService pins, DeviceSessionService devices) {
        this.issuance = issuance;
        this.challenges = challenges;
        this.confirmations = confirmations;
        this.pins = pins;
        this.devices = devices;
    }

    public record ChallengeRequest(String credential) {
    }

    public record PinResetView(long generation, String signature) {
    }

    public record ChallengeResponse(String challengeId, String nonce, String expiresAt, PinResetView pinReset) {
    }

    /** Kept so that a reader asking gets a specific refusal (and the attempt is audited), never a certificate. */
    @PostMapping("/{cardId}/certificates")
    public ResponseEntity<Void> issue(@AuthenticationPrincipal FacilityPrincipal caller, @PathVariable String cardId,
            HttpServletRequest http) {
        issuance.refuseReader(reader(caller, http), cardId);
        return ResponseEntity.status(org.springframework.http.HttpStatus.FORBIDDEN).build(); // not reached
    }

    @PostMapping("/{cardId}/challenges")
    public ChallengeResponse challenge(@AuthenticationPrincipal FacilityPrincipal caller, @PathVariable String cardId,
            @RequestBody ChallengeRequest request, @CallerFacility Facility facility, HttpServletRequest http) {
        reader(caller, http);
        CardChallengeService.Challenge c = challenges.create(facility, cardId, kind(request.credential()));
        PinResetView reset = pins.resetOf(cardId.strip())
                .map(r -> new PinResetView(r.generation(), r.signature())).orElse(null);
        return new ChallengeResponse(c.challengeId(), c.nonce(), c.expiresAt().toString(), reset);
    }

    @PostMapping("/{cardId}/confirmations")
    public ResponseEntity<byte[]> confirm(@AuthenticationPrincipal FacilityPrincipal caller, @PathVariable String cardId,
            @RequestBody CardConfirmationService.ConfirmationRequest request, @CallerFacility Facility facility,
            HttpServletRequest http) {
        DeviceCaller reader = reader(caller, http);
        QualificationInquiryResult result = confirmations.confirm(reader, facility, cardId, request);
        return JsonMirrorAnswer.of(QualificationMessages.resultToXml(result));
    }

    /** 救急時医療情報閲覧: the card read for an emergency account's 受付番号 (docs/emergency-view.md). */
    @PostMapping("/{cardId}/emergency-identifications")
    public ResponseEntity<java.util.Map<String, Object>> identifyForEmergency(
            @AuthenticationPrincipal FacilityPrincipal caller, @PathVariable String cardId,
            @RequestBody CardConfirmationService.EmergencyIdentificationRequest request,
            @CallerFacility Facility facility, HttpServletRequest http) {
        DeviceCaller reader = reader(caller, http);
        confirmations.identifyForEmergency(reader, facility, cardId, request);
        return ResponseEntity.ok(java.util.Map.of("identified", true, "requestCode", request.requestCode()));
    }

    @PostMapping("/{cardId}/pin-lock")
    public ResponseEntity<Void> pinLocked(@AuthenticationPrincipal FacilityPrincipal caller, @PathVariable String cardId,
            @RequestBody(required = false) CardPinService.LockReport report, @CallerFacility Facility facility,
            HttpServletRequest http) {
        DeviceCaller reader = reader(caller, http);
        pins.reportLocked(reader, facility, cardId, report);
        return ResponseEntity.noContent().build();
    }

    /** The signed-in reader, checked before the card is looked at (401 otherwise, audited). */
    private DeviceCaller reader(FacilityPrincipal caller, HttpServletRequest http) {
        return devices.authenticate(caller, http.getHeader(DeviceSessionService.HEADER),
                http.getMethod() + " " + http.getRequestURI());
    }

    private static CredentialKind kind(String name) {
        return CredentialKind.ofName(name == null ? "card" : name)
                .orElseThrow(() -> new CardApiException(ErrorCode.PRESENCE_METHOD_NOT_ALLOWED, "資格確認の媒体が不明です"));
    }
}
