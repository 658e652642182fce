package org.openoqs.terminal.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * The reader offers 手術情報, 電子カルテ情報 and 医療費助成の受給者証 only while the facility has switched their service on,
 * follows a settings change within the cache period, and offers none of them while it cannot ask and knows nothing.
 */
class ReaderConsentOfferTest {

    private static final Set<ConsentCategory> OPT_IN =
            EnumSet.of(ConsentCategory.SURGERY, ConsentCategory.CLINS, ConsentCategory.SUBSIDY);

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-04-01T00:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advanceSeconds(long seconds) {
            now.updateAndGet(t -> t.plusSeconds(seconds));
        }
    }

    @Test
    void theFacilityFlagsOfGetFacilityNameTheChoices() throws Exception {
        assertThat(ReaderConsentOffer.optedIn(java.util.Set.of("operationInfo", "medicalSubsidy", "ePrescription")))
                .containsExactlyInAnyOrder(ConsentCategory.SURGERY,
                ConsentCategory.SUBSIDY);
        assertThat(ReaderConsentOffer.optedIn(java.util.Set.of())).as("an older service without flags")
                .isEmpty();
    }

    @Test
    void withNothingSwitchedOnOnlyTheEverydayChoicesAreOffered() {
        ReaderConsentOffer offer = new ReaderConsentOffer(Set::of, new HandClock());
        assertThat(offer.offered()).doesNotContainAnyElementsOf(OPT_IN)
                .contains(ConsentCategory.DRUG, ConsentCategory.CHECKUP, ConsentCategory.DIAGNOSIS, ConsentCategory.LIMIT);
        assertThat(ReaderConsentOffer.withoutOptIns()).isEqualTo(offer.offered());
    }

    @Test
    void aSettingsChangeReachesTheReaderAfterTheCachePeriodNotBefore() {
        HandClock clock = new HandClock();
        AtomicReference<Set<ConsentCategory>> facility = new AtomicReference<>(Set.of(ConsentCategory.SURGERY));
        AtomicInteger asked = new AtomicInteger();
        ReaderConsentOffer offer = new ReaderConsentOffer(() -> {
            asked.incrementAndGet();
            return facility.get();
        }, clock);

        assertThat(offer.offered()).contains(ConsentCategory.SURGERY).doesNotContain(ConsentCategory.CLINS);
        facility.set(Set.of(ConsentCategory.CLINS, ConsentCategory.SUBSIDY)); // 環境設定 changed at the portal
        clock.advanceSeconds(ReaderConsentOffer.TTL_SECONDS - 1);
        assertThat(offer.offered()).as("still cached").contains(ConsentCategory.SURGERY);
        assertThat(asked).hasValue(1);

        clock.advanceSeconds(1);
        assertThat(offer.offered()).contains(ConsentCategory.CLINS, ConsentCategory.SUBSIDY)
                .doesNotContain(ConsentCategory.SURGERY);
        assertThat(asked).hasValue(2);
    }

    @Test
    void whileTheServiceCannotBeAskedTheLastAnswerHoldsAndWithoutOneNothingOptInIsOffered() {
        HandClock clock = new HandClock();
        AtomicReference<Boolean> down = new AtomicReference<>(true);
        ReaderConsentOffer offer = new ReaderConsentOffer(() -> {
            if (down.get()) {
                throw new CentralServiceUnavailableException("down");
            }
            return Set.of(ConsentCategory.CLINS);
        }, clock);

        assertThat(offer.offered()).as("never asked successfully").doesNotContainAnyElementsOf(OPT_IN);
        down.set(false);
        assertThat(offer.offered()).contains(ConsentCategory.CLINS);
        down.set(true);
        clock.advanceSeconds(ReaderConsentOffer.TTL_SECONDS * 10);
        assertThat(offer.offered()).as("the last known answer").contains(ConsentCategory.CLINS);
    }
}
