package org.openoqs.app.card;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.openoqs.app.demo.DemoApiClient;

/**
 * The office API of a running demo ({@code /api/v1/office/…}) over mutual TLS with the demo's issuing-office
 * certificate ({@link DemoApiClient.Credential#OFFICE}).
 */
final class OfficeApi {

    private static final String CARDS = "/api/v1/office/cards/";

    private final DemoApiClient client;

    private OfficeApi(DemoApiClient client) {
        this.client = client;
    }

    static OfficeApi forDemoHome(Path home) throws DemoApiClient.Failure, IOException {
        return new OfficeApi(DemoApiClient.forDemoHome(home, DemoApiClient.Credential.OFFICE));
    }

    DemoApiClient.Reply unlock(String cardId, String operator) throws DemoApiClient.Failure {
        String body = DemoApiClient.JSON.createObjectNode().put("operator", operator).toString();
        return client.post(cardPath(cardId, "/pin-unlock"), body);
    }

    DemoApiClient.Reply status(String cardId) throws DemoApiClient.Failure {
        return client.get(cardPath(cardId, ""));
    }

    private static String cardPath(String cardId, String suffix) {
        return CARDS + URLEncoder.encode(cardId, StandardCharsets.UTF_8) + suffix;
    }
}
