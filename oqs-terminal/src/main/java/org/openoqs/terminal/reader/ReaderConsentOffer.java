package org.openoqs.terminal.reader;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.terminal.central.CardPathService;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * Which consents the reader's 同意 screen offers. Three choices exist only where the facility switched their service
 * on in 環境設定: 手術情報 (the surgery part of 診療情報), 電子カルテ情報 (the 6情報 viewing consent) and 医療費助成の受給者証
 * (PMH). The facility's opt-ins ({@code optIns} of {@code GET /api/v1/facility}) are cached briefly, so a settings
 * change reaches the reader within {@value #TTL_SECONDS} seconds without asking the service for every page. While the
 * service cannot be asked and nothing is cached, none of them is offered: a consent to a service nobody switched on
 * is never collected. The central service ignores such a consent all the same; the offer only keeps the patient from
 * being asked for nothing.
 */
public final class ReaderConsentOffer {

    static final long TTL_SECONDS = 30;

    /** The choice each {@code optIns} flag of {@code GET /api/v1/facility} switches on. */
    static final Map<String, ConsentCategory> OPT_IN_FLAGS = Map.of(
            "operationInfo", ConsentCategory.SURGERY,
            "eKarteSharing", ConsentCategory.CLINS,
            "medicalSubsidy", ConsentCategory.SUBSIDY);

    private final Supplier<Set<ConsentCategory>> optedIn;
    private final Clock clock;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    /**
     * @param optedIn asks the service which of the opt-in choices the facility switched on; may throw
     *                {@link CentralServiceUnavailableException} or {@link CentralServiceRefusedException}
     */
    public ReaderConsentOffer(Supplier<Set<ConsentCategory>> optedIn, Clock clock) {
        this.optedIn = optedIn;
        this.clock = clock;
    }

    /** Asks the central service through the card path's port (under the terminal's sessions). */
    public static ReaderConsentOffer fromService(CardPathService service, Clock clock) {
        return new ReaderConsentOffer(() -> optedIn(service.facilityOptIns()), clock);
    }

    /** The choices the switched-on {@code optIns} flags of {@code GET /api/v1/facility} add. */
    static Set<ConsentCategory> optedIn(Set<String> switchedOn) {
        Set<ConsentCategory> on = EnumSet.noneOf(ConsentCategory.class);
        OPT_IN_FLAGS.forEach((flag, category) -> {
            if (switchedOn.contains(flag)) {
                on.add(category);
            }
        });
        return on;
    }

    /** The offer of a reader that has no way to ask: the choices every facility offers. */
    public static Set<ConsentCategory> withoutOptIns() {
        EnumSet<ConsentCategory> all = EnumSet.allOf(ConsentCategory.class);
        all.removeAll(OPT_IN_FLAGS.values());
        return all;
    }

    /** The choices to show, in {@link ConsentCategory} order. */
    public Set<ConsentCategory> offered() {
        Set<ConsentCategory> out = withoutOptIns();
        out.addAll(facilityOptIns());
        return out;
    }

    private Set<ConsentCategory> facilityOptIns() {
        Cached c = cached.get();
        Instant now = clock.instant();
        if (c != null && c.fetchedAt().plusSeconds(TTL_SECONDS).isAfter(now)) {
            return c.on();
        }
        try {
            Set<ConsentCategory> on = Set.copyOf(optedIn.get());
            cached.set(new Cached(on, now));
            return on;
        } catch (CentralServiceUnavailableException | CentralServiceRefusedException e) {
            return c != null ? c.on() : Set.of();
        }
    }

    private record Cached(Set<ConsentCategory> on, Instant fetchedAt) {
    }
}
