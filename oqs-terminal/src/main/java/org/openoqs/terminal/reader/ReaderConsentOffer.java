package org.openoqs.terminal.reader;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.terminal.central.CentralServiceHttp;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * Which consents the reader's 同意 screen offers. 電子カルテ情報 (the 6情報 viewing consent) is offered only where the
 * facility switched 電子カルテ情報共有サービス on in 環境設定; the answer ({@code optIns.eKarteSharing} of
 * {@code GET /api/v1/facility}) is cached briefly so a settings change reaches the reader within
 * {@value #TTL_SECONDS} seconds without asking the service for every page. While the service cannot be asked and
 * nothing is cached, the choice is not offered: a consent to a service nobody switched on is never collected.
 */
public final class ReaderConsentOffer {

    static final long TTL_SECONDS = 30;

    private final BooleanSupplier eKarteSharing;
    private final Clock clock;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    /**
     * @param eKarteSharing asks the service whether the facility uses 電子カルテ情報共有サービス; may throw
     *                      {@link CentralServiceUnavailableException} or {@link CentralServiceRefusedException}
     */
    public ReaderConsentOffer(BooleanSupplier eKarteSharing, Clock clock) {
        this.eKarteSharing = eKarteSharing;
        this.clock = clock;
    }

    /** Asks the central service over the facility's mutual-TLS connection. */
    public static ReaderConsentOffer fromService(CentralServiceHttp http, Clock clock) {
        return new ReaderConsentOffer(() -> "1".equals(CentralServiceHttp.json(http.get("/api/v1/facility"))
                .path("optIns").path("eKarteSharing").asString("0")), clock);
    }

    /** The offer of a reader that has no way to ask: everything but 電子カルテ情報. */
    public static Set<ConsentCategory> withoutOptIns() {
        EnumSet<ConsentCategory> all = EnumSet.allOf(ConsentCategory.class);
        all.remove(ConsentCategory.CLINS);
        return all;
    }

    /** The choices to show, in {@link ConsentCategory} order. */
    public Set<ConsentCategory> offered() {
        Set<ConsentCategory> out = withoutOptIns();
        if (eKarteSharingOn()) {
            out.add(ConsentCategory.CLINS);
        }
        return out;
    }

    private boolean eKarteSharingOn() {
        Cached c = cached.get();
        Instant now = clock.instant();
        if (c != null && c.fetchedAt().plusSeconds(TTL_SECONDS).isAfter(now)) {
            return c.on();
        }
        try {
            boolean on = eKarteSharing.getAsBoolean();
            cached.set(new Cached(on, now));
            return on;
        } catch (CentralServiceUnavailableException | CentralServiceRefusedException e) {
            return c != null && c.on();
        }
    }

    private record Cached(boolean on, Instant fetchedAt) {
    }
}
