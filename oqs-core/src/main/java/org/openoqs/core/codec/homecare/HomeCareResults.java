package org.openoqs.core.codec.homecare;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.homecare.HomeCareConsent;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.XmlNode;

/**
 * The result of a 居宅同意取得型 re-inquiry: the 個別照会 result ({@code OQSsiquc01res_} layout) with one more block in
 * {@code MessageBody}, after {@code QualificationValidity}: the state of the 居宅同意 (element names openoqs's own, in
 * the interface's style, docs/home-care.md):
 *
 * <pre>
 * HomeCareConsentInfo
 *   MedicalTreatmentFlag        OQSCD028 2 訪問診療等 / 3 オンライン診療等
 *   HomeCareConsFlg             OQSCD016 1 同意あり / 2 同意有効期限切れ
 *   HomeCareConsTime            yyyyMMddHHmmss, the card confirmation that gave the consent
 *   HomeCareAvailableTime       yyyyMMddHHmmss, end of its period
 *   HomeCareConsExpirationReason   OQSCD031 (only with flag 2): 0 period ended, 1 facility, 2 patient, 3 change of use
 *   HomeCareConsCancellationTime   yyyyMMddHHmmss (only after a cancellation)
 * </pre>
 */
public final class HomeCareResults {

    public static final String BLOCK = "HomeCareConsentInfo";

    private HomeCareResults() {
    }

    /** The result tree: {@code result} as a 個別照会 result, plus the consent block when {@code consent} is given. */
    public static XmlNode toXml(QualificationInquiryResult result, HomeCareConsent consent, LocalDateTime now) {
        XmlNode root = QualificationMessages.resultToXml(result);
        if (consent == null) {
            return root;
        }
        List<XmlNode> rootChildren = new ArrayList<>();
        for (XmlNode child : root.children()) {
            rootChildren.add(child.name().equals(QualificationMessages.BODY) ? withBlock(child, block(consent, now)) : child);
        }
        return XmlNode.element(root.name(), rootChildren);
    }

    /** The {@value #BLOCK} element for {@code consent} at {@code now}. */
    public static XmlNode block(HomeCareConsent consent, LocalDateTime now) {
        Objects.requireNonNull(consent, "consent");
        ConsentStatus status = consent.statusAt(now);
        XmlNode.Builder b = XmlNode.builder(BLOCK)
                .leaf("MedicalTreatmentFlag", consent.treatment().code())
                .leaf("HomeCareConsFlg", status.code())
                .leaf("HomeCareConsTime", QualificationMessages.DATE_TIME.format(consent.consentTime()))
                .leaf("HomeCareAvailableTime", QualificationMessages.DATE_TIME.format(consent.availableUntil()));
        consent.expirationReasonAt(now).ifPresent(r -> b.leaf("HomeCareConsExpirationReason", r.code()));
        if (consent.isCancelled() && !now.isBefore(consent.cancelledAt())) {
            b.leaf("HomeCareConsCancellationTime", QualificationMessages.DATE_TIME.format(consent.cancelledAt()));
        }
        return b.build();
    }

    /** Reads the block back from a result tree (for readers and tests); empty when absent. */
    public static java.util.Optional<Block> read(XmlNode resultRoot) {
        return resultRoot.path(QualificationMessages.BODY, BLOCK).map(n -> new Block(
                n.text("MedicalTreatmentFlag").orElse(null),
                n.text("HomeCareConsFlg").orElse(null),
                n.text("HomeCareConsTime").orElse(null),
                n.text("HomeCareAvailableTime").orElse(null),
                n.text("HomeCareConsExpirationReason").orElse(null),
                n.text("HomeCareConsCancellationTime").orElse(null)));
    }

    /** The block's values as written. */
    public record Block(String medicalTreatmentFlag, String consFlg, String consTime, String availableTime,
            String expirationReason, String cancellationTime) {
    }

    private static XmlNode withBlock(XmlNode body, XmlNode block) {
        List<XmlNode> children = new ArrayList<>();
        boolean placed = false;
        for (XmlNode c : body.children()) {
            children.add(c);
            if (!placed && c.name().equals("QualificationValidity")) {
                children.add(block);
                placed = true;
            }
        }
        if (!placed) {
            children.add(block);
        }
        return XmlNode.element(body.name(), children);
    }
}
