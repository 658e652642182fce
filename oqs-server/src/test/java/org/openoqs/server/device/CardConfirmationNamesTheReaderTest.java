package org.openoqs.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.IssuedCard;
import org.openoqs.server.testsupport.ReaderSessions;
import org.openoqs.server.testsupport.SharedServer;

/**
 * A whole card confirmation by a signed-in reader — challenge, the card's signature over the presence statement, the
 * face result — and the audit trail naming the reader's account and the certificate:
 * {@code device:F… cert:<serial>}.
 */
class CardConfirmationNamesTheReaderTest {

    /** 佐藤 洋子 (persona shin-shikaku); no other test of the shared service certifies this card. */
    private static final String CARD = "P000000000000002";

    private final DeviceFixture f = new DeviceFixture();

    @Test
    void theConfirmationIsAuditedUnderTheReadersAccount() throws Exception {
        SharedServer shared = f.shared;
        IssuedPassword reader = ReaderSessions.createReaderAccount(shared.server(), SharedServer.DEMO_CODE, "診察室前の受付");
        String token = ReaderSessions.token(shared.demoClient(), shared.base(), reader);
        String actor = "device:" + reader.account().accountId() + " cert:"
                + shared.demoCredential().certificate().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        IssuedCard card = IssuedCard.issue(shared.server(), CARD); // made by its issuer, held by the patient
        long mark = f.auditMark();

        Api.Response confirmed = card.confirm(shared.demoClient(), shared.base(), token, SharedServer.DEMO_CODE);

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.result().body().qualificationValidity().code()).isEqualTo("1");
        assertThat(f.auditSince(mark, "CARD_CONFIRMATION")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(actor);
            assertThat(e.facility()).isEqualTo(SharedServer.DEMO_CODE);
            assertThat(e.outcome()).startsWith("OK validity=1");
        });
    }

}
