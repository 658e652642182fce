package org.openoqs.terminal.central;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.JsonMirror;

/**
 * The central service over HTTPS with the facility's client certificate (mutual TLS). Bodies are the JSON
 * mirror of the XML messages, as the real Web API does.
 */
public final class HttpsCentralService implements CentralService {

    private static final Duration SETTINGS_TTL = Duration.ofSeconds(30);

    private final CentralServiceHttp http;
    private final AtomicReference<CachedCharacterCode> characterCode = new AtomicReference<>();

    /** On the terminal's shared transport. */
    public HttpsCentralService(CentralServiceHttp transport) {
        this.http = transport;
    }

    @Override
    public QualificationInquiryResult inquire(QualificationInquiryRequest request) {
        String answer = http.postJson("/api/v1/qualifications/inquiry",
                JsonMirror.toJson(QualificationMessages.requestToXml(request)));
        QualificationInquiryResult result = readResult(answer);
        characterCode.set(new CachedCharacterCode(result.header().characterCodeIdentifier(), Instant.now()));
        return result;
    }

    /**
     * The facility's result character code (環境設定), cached briefly so a settings change reaches the next
     * result without asking the service for every file.
     */
    @Override
    public CharacterCode resultCharacterCode() {
        CachedCharacterCode cached = characterCode.get();
        if (cached != null && cached.fetchedAt().plus(SETTINGS_TTL).isAfter(Instant.now())) {
            return cached.code();
        }
        String facility = http.get("/api/v1/facility");
        CharacterCode code = "1".equals(CentralServiceHttp.json(facility).path("characterCode").asString("0"))
                ? CharacterCode.SHIFT_JIS : CharacterCode.UTF_8;
        characterCode.set(new CachedCharacterCode(code, Instant.now()));
        return code;
    }

    private static QualificationInquiryResult readResult(String body) {
        try {
            return QualificationMessages.readResult(CentralServiceHttp.tree(body));
        } catch (InputRejectedException | IllegalArgumentException unreadable) {
            throw CentralServiceHttp.invalidResponse();
        }
    }

    private record CachedCharacterCode(CharacterCode code, Instant fetchedAt) {
    }
}
