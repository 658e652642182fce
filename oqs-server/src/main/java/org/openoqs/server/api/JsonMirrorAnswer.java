package org.openoqs.server.api;

import java.nio.charset.StandardCharsets;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The terminal API's answer with a result message: 200, its JSON mirror in UTF-8, never stored by a cache (a result
 * names a patient). Also for refusals inside the message, which are results, not HTTP errors.
 */
public final class JsonMirrorAnswer {

    public static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    private JsonMirrorAnswer() {
    }

    public static ResponseEntity<byte[]> of(XmlNode result) {
        return ResponseEntity.ok().contentType(JSON_UTF8).header("Cache-Control", "no-store")
                .body(JsonMirror.toJsonBytes(result));
    }
}
