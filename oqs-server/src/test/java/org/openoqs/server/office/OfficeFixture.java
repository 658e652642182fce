package org.openoqs.server.office;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.IssuedCard;
import org.openoqs.server.testsupport.ReaderSessions;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared service, an issuing office's certificate of the same CA, and cards of the generated population that no
 * other test touches (each call hands out another one), so tests can lock and unlock them on the shared service.
 */
final class OfficeFixture {

    static final String OFFICE_CODE = "990019"; // synthetic: prefecture 99 does not exist
    private static final AtomicInteger NEXT_CARD = new AtomicInteger();

    final SharedServer shared = SharedServer.get();
    final IssuedCredential officeCredential = shared.pki().ca().issueOfficeCertificate(OFFICE_CODE, "オープン市（試験）交付窓口");
    final HttpClient office = shared.pki().client(officeCredential);

    /** A generated card ({@code C…}) in {@code status}, a different one on every call. */
    String freshCard(CardStatus status) {
        return shared.server().bean(JdbcClient.class)
                .sql("select card_id from my_number_card where status = ? and card_id like 'C%' order by card_id "
                        + "limit 1 offset ?")
                .params(status.name(), NEXT_CARD.getAndIncrement())
                .query(String.class).single();
    }

    CardStatus statusOf(String cardId) {
        return CardStatus.valueOf(shared.server().bean(JdbcClient.class)
                .sql("select status from my_number_card where card_id = ?").param(cardId).query(String.class).single());
    }

    /**
     * The card is made by its issuer and locks itself after the third wrong PIN; the facility's reader reports it
     * with the card's signature over a challenge.
     */
    void lockByFacility(String cardId) throws Exception {
        Api.Response r = IssuedCard.issue(shared.server(), cardId).reportLock(shared.demoClient(), shared.base(),
                ReaderSessions.demoToken(shared), SharedServer.DEMO_CODE);
        if (r.status() != 204) {
            throw new IllegalStateException("lock report failed: " + r);
        }
    }

    long auditMark() {
        return shared.server().auditLog().size();
    }

    List<AuditEvent> auditSince(long mark, String action) {
        return shared.server().auditLog().read(mark, 10_000).stream().filter(e -> e.action().equals(action)).toList();
    }

    String officeActor() {
        return "office:" + OFFICE_CODE + " cert:"
                + officeCredential.certificate().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }
}
