package org.openoqs.server.card;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.testsupport.ReaderSessions;
import org.openoqs.server.testsupport.SharedServer;
import org.openoqs.server.web.PortalFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared service, the demo facility's signed-in reader, and another facility (the attacker) with its own client
 * certificate and its own signed-in reader; cards of the generated population taken from the end, so that no other
 * class's cards are touched.
 */
final class CardFixture {

    private static final AtomicInteger NEXT_CARD = new AtomicInteger();

    final SharedServer shared = SharedServer.get();
    final PortalFixture portal = PortalFixture.get();

    /** A facility with its own certificate and a signed-in 顔認証機器. */
    record Facility(String code, IssuedCredential credential, HttpClient client, String token) {
    }

    Facility otherFacility(String name) throws Exception {
        String code = portal.newFacility(name, false);
        IssuedCredential credential = shared.pki().issueFacility(code);
        HttpClient client = shared.pki().client(credential);
        IssuedPassword reader = ReaderSessions.createReaderAccount(shared.server(), code, "受付のカードリーダー");
        return new Facility(code, credential, client, ReaderSessions.token(client, shared.base(), reader));
    }

    Facility demo() throws Exception {
        return new Facility(SharedServer.DEMO_CODE, shared.demoCredential(), shared.demoClient(),
                ReaderSessions.demoToken(shared));
    }

    /** A generated card in {@code status} with a valid qualification, a different one on every call. */
    String freshCard(CardStatus status) {
        return jdbc().sql("select c.card_id from my_number_card c where c.status = ? and c.card_id like 'C%' "
                        + "and exists (select 1 from qualification q where q.person_id = c.person_id "
                        + "and q.disqualification_date is null) order by c.card_id desc limit 1 offset ?")
                .params(status.name(), NEXT_CARD.getAndIncrement())
                .query(String.class).single();
    }

    CardStatus statusOf(String cardId) {
        return CardStatus.valueOf(jdbc().sql("select status from my_number_card where card_id = ?").param(cardId)
                .query(String.class).single());
    }

    /** Every certificate row of the card (current or superseded). */
    List<String> certificateRows(String cardId) {
        return jdbc().sql("select serial_hex || ':' || coalesce(current_marker, '-') from card_credential "
                + "where card_id = ? order by serial_hex").param(cardId).query(String.class).list();
    }

    JdbcClient jdbc() {
        return shared.server().bean(JdbcClient.class);
    }

    long auditMark() {
        return shared.server().auditLog().size();
    }

    List<AuditEvent> auditSince(long mark, String action) {
        return shared.server().auditLog().read(mark, 10_000).stream().filter(e -> e.action().equals(action)).toList();
    }
}
