package org.openoqs.terminal.central;

import java.util.Objects;

/**
 * The ports a facility terminal's linkage agent calls the central service through — how {@code FacilityTerminal}
 * is started. The inquiry port is always there; a missing one ({@code null}) means the terminal has no such service
 * (a simulator): its requests are answered with a file-level error ("not reachable from this terminal" for the card
 * path, "not supported" for bulk and 電子処方箋) instead of no answer. The card reader, the 配信 agent and certificate
 * renewal have ports of their own in this package and join the terminal's {@link CentralServiceSessions}.
 *
 * @param inquiry  資格確認 ({@code OQSsiquc01})
 * @param cardPath 照会番号, 薬剤情報 / 特定健診情報 / 電子カルテ情報, 居宅, マイナ在宅受付Web URL
 * @param bulk     the {@code OQSmu…} flows
 * @param eps      the {@code EPS…} files
 * @param documents the 電子カルテ情報共有サービス document inbox ({@code CIPsidcl01} / {@code CIPsidcg01})
 * @param bundles  the 電子カルテ情報 6情報 registration ({@code CIPsibrg01} / {@code CIPsibdl01})
 */
public record CentralServicePorts(CentralService inquiry, CardPathService cardPath, BulkCentralService bulk,
        EpsGateway eps, ClinsDocumentInbox documents, ClinsBundleService bundles) {

    public CentralServicePorts {
        Objects.requireNonNull(inquiry, "inquiry");
    }

    /** Only the inquiry port (a simulator, a test). */
    public static CentralServicePorts of(CentralService inquiry) {
        return new CentralServicePorts(inquiry, null, null, null, null, null);
    }

    /** Every port over HTTPS on the one {@code transport} (bulk with its longer request timeout). */
    public static CentralServicePorts overHttps(CentralServiceHttp transport) {
        return new CentralServicePorts(new HttpsCentralService(transport), new HttpsCardPathService(transport, null),
                new HttpsBulkCentralService(transport), new HttpsEpsGateway(transport),
                new HttpsClinsDocumentInbox(transport), new HttpsClinsBundleService(transport));
    }

    public CentralServicePorts withCardPath(CardPathService service) {
        return new CentralServicePorts(inquiry, service, bulk, eps, documents, bundles);
    }

    public CentralServicePorts withBulk(BulkCentralService service) {
        return new CentralServicePorts(inquiry, cardPath, service, eps, documents, bundles);
    }

    public CentralServicePorts withEps(EpsGateway service) {
        return new CentralServicePorts(inquiry, cardPath, bulk, service, documents, bundles);
    }

    public CentralServicePorts withDocuments(ClinsDocumentInbox service) {
        return new CentralServicePorts(inquiry, cardPath, bulk, eps, service, bundles);
    }

    public CentralServicePorts withBundles(ClinsBundleService service) {
        return new CentralServicePorts(inquiry, cardPath, bulk, eps, documents, service);
    }
}
