package org.openoqs.server.clins.document;

import java.time.LocalDate;
import org.openoqs.core.clins.ClinsBundleIdentifier;
import org.openoqs.core.clins.ClinsMemberId;

/**
 * A document Bundle that passed {@link DocumentRules}, reduced to what registration needs: the identifier, the kind,
 * the patient key (with the FHIRPath to blame when it names nobody), the destination of a referral (with its FHIRPath)
 * and a summary of what travels with it.
 *
 * @param destinationCode  紹介先の医療機関コード; {@code null} for a 健康診断結果報告書
 * @param dischargeSummary whether a 退院時サマリー is attached
 * @param attachments      entries of the 210 添付情報 and 230 PDF sections
 */
public record DocumentUpload(ClinsBundleIdentifier identifier, DocumentKind kind, ClinsMemberId memberId,
        String memberIdText, String memberIdLocation, LocalDate birthDate, String destinationCode,
        String destinationLocation, String version, boolean dischargeSummary, int attachments) {
}
