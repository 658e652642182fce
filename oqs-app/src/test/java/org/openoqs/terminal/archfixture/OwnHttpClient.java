package org.openoqs.terminal.archfixture;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What the terminal's connection rule forbids (a test fixture, never run): a terminal class calling the service with
 * a client of its own, past the session limit and the health file.
 */
public final class OwnHttpClient {

    private OwnHttpClient() {
    }

    static String call(URI service) throws Exception {
        HttpClient client = HttpClient.newBuilder().build();
        return client.send(HttpRequest.newBuilder(service).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
