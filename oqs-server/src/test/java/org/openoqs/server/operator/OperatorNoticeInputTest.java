package org.openoqs.server.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.Api;

/** Bad notices are refused with 400 and a code of their own (docs/errors.md 94xx); nothing is published. */
class OperatorNoticeInputTest {

    private final OperatorFixture f = new OperatorFixture();

    @Test
    void blankOrOverlongTitleOrBody() throws Exception {
        assertRefused("{\"title\":\"  \",\"body\":\"本文\"}", "OQSF9401", "件名");
        assertRefused("{\"body\":\"本文\"}", "OQSF9401", "件名");
        assertRefused("{\"title\":" + OperatorFixture.quoted("件".repeat(201)) + ",\"body\":\"本文\"}", "OQSF9401", "件名");
        assertRefused("{\"title\":\"件名\",\"body\":\"\"}", "OQSF9402", "本文");
        assertRefused("{\"title\":\"件名\",\"body\":" + OperatorFixture.quoted("文".repeat(4001)) + "}", "OQSF9402", "本文");
    }

    @Test
    void untilNotAfterFrom() throws Exception {
        assertRefused("{\"title\":\"件名\",\"body\":\"本文\",\"from\":\"2030-04-02T00:00:00+09:00\","
                + "\"until\":\"2030-04-01T00:00:00+09:00\"}", "OQSF9403", "掲載終了");
        assertRefused("{\"title\":\"件名\",\"body\":\"本文\",\"until\":\"2020-01-01T00:00:00Z\"}", "OQSF9403", "掲載終了");
    }

    @Test
    void unknownFacility() throws Exception {
        assertRefused("{\"title\":\"件名\",\"body\":\"本文\",\"institutionCode\":\"9999999999\"}", "OQSF9404", "医療機関");
        assertRefused("{\"title\":\"件名\",\"body\":\"本文\",\"institutionCode\":\"abc\"}", "OQSF9404", "医療機関");
    }

    @Test
    void unreadableBodyOrDate() throws Exception {
        assertRefused("{\"title\":", "OQSF1008", "JSON");
        assertRefused("{\"title\":\"件名\",\"body\":\"本文\",\"until\":\"来月\"}", "OQSF1008", "JSON");
    }

    @Test
    void unknownNoticeCannotBeWithdrawn() throws Exception {
        Api.Response r = Api.delete(f.operator, f.shared.base(), "api/v1/operator/notices/987654321");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9405");
        Api.Response notANumber = Api.delete(f.operator, f.shared.base(), "api/v1/operator/notices/abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("errorCode").asString()).isEqualTo("OQSF1008");
    }

    private void assertRefused(String json, String code, String messagePart) throws Exception {
        long mark = f.auditMark();
        Api.Response r = Api.post(f.operator, f.shared.base(), "api/v1/operator/notices", json);

        assertThat(r.status()).as(json).isEqualTo(400);
        assertThat(r.json().get("errorCode").asString()).as(json).isEqualTo(code);
        assertThat(r.json().get("message").asString()).as(json).contains(messagePart);
        assertThat(f.auditSince(mark, "NOTICE_PUBLISH")).as(json).isEmpty();
    }
}
