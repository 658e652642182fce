package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/** A body that is not a JSON-mirrored message is a 400 with a JSON error code, and the attempt is audited. */
class MalformedJsonTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"XmlMsg\": {\"MessageHeader\": |OQSF1008",
            "not json at all|OQSF1008",
            "[1, 2, 3]|OQSF1008",
            "{\"a\": {}, \"b\": {}}|OQSF1008",
            "{\"<XmlMsg>\": {}}|OQSF1008",
            "'   '|OQSF1001"})
    void rejected(String body, String expectedCode) throws Exception {
        SharedServer shared = SharedServer.get();
        long before = shared.server().auditLog().size();

        Api.Response r = Api.post(shared.demoClient(), shared.base(), Api.INQUIRY, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("errorCode").asString()).isEqualTo(expectedCode);
        assertThat(r.json().get("message").asString()).isNotBlank();
        assertThat(shared.server().auditLog().read(before, 10))
                .anySatisfy(e -> assertThat(e.outcome()).isEqualTo("REJECTED " + expectedCode));
    }
}
