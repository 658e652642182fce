package org.openoqs.terminal.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * Issue 14: the inquiry, card-path, device sign-in, bulk, 電子処方箋, 配信, certificate-renewal and 電子カルテ情報
 * registration ports share one set of sessions — 40 calls mixed across them
 * never have more than the limit open at the service — and an outage met by any port is the terminal's outage, ended
 * by the next answer of any port (a refusal counts as an answer).
 */
class EveryPortSharesTheSessionsTest {

    /** The service's side of every port: counts the calls open at once, answers after a while, or fails. */
    static final class ServiceSide {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger mostOpen = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        volatile RuntimeException failure;

        /** A port whose every method is served here (answers {@code null}, or {@link CharacterCode#UTF_8}). */
        <T> T port(Class<T> type) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> {
                        if (method.getDeclaringClass() == Object.class) {
                            return method.getName().equals("toString") ? "service side of " + type.getSimpleName()
                                    : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                    : proxy == args[0];
                        }
                        return serve(method.getReturnType() == CharacterCode.class ? CharacterCode.UTF_8 : null);
                    }));
        }

        private Object serve(Object answer) throws InterruptedException {
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            try {
                calls.incrementAndGet();
                Thread.sleep(40);
                RuntimeException f = failure;
                if (f != null) {
                    throw f;
                }
                return answer;
            } finally {
                open.decrementAndGet();
            }
        }
    }

    @Test
    void fortyCallsMixedAcrossThePortsNeverExceedTheLimit() throws Exception {
        ServiceSide service = new ServiceSide();
        CentralServiceSessions sessions = CentralServiceSessions.around(service.port(CentralService.class), 20);
        CardPathService cards = sessions.limit(CardPathService.class, service.port(CardPathService.class));
        BulkCentralService bulk = sessions.limit(BulkCentralService.class, service.port(BulkCentralService.class));
        EpsGateway eps = sessions.limit(EpsGateway.class, service.port(EpsGateway.class));
        DistributionServer distribution = sessions.limit(DistributionServer.class,
                service.port(DistributionServer.class));
        CertificateRenewalService renewal = sessions.limit(CertificateRenewalService.class,
                service.port(CertificateRenewalService.class));
        DeviceSignIn signIn = sessions.limit(DeviceSignIn.class, service.port(DeviceSignIn.class));
        ClinsBundleService clins = sessions.limit(ClinsBundleService.class, service.port(ClinsBundleService.class));
        List<Runnable> calls = List.of(
                () -> sessions.service().resultCharacterCode(),
                () -> cards.challenge("P000000000000001", CredentialKind.MY_NUMBER_CARD),
                () -> bulk.upload(BulkKind.values()[0], new byte[] {1}, "key"),
                () -> eps.send(EpsOperation.values()[0], null),
                () -> distribution.packages(),
                () -> renewal.renew("CSR"),
                signIn::signIn,
                () -> clins.list());

        callAtOnce(40, calls);

        assertThat(service.calls).hasValue(40);
        assertThat(service.mostOpen.get()).as("calls open at the service at once").isLessThanOrEqualTo(20);
        assertThat(sessions.mostInUse()).isLessThanOrEqualTo(20).isGreaterThan(1);
        assertThat(sessions.inUse()).isZero();
    }

    /** Makes {@code count} calls at once, cycling through {@code calls}, and waits for all of them. */
    static void callAtOnce(int count, List<Runnable> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                done.add(pool.submit(calls.get(i % calls.size())));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOutageOfAnyPortIsTheTerminalsAndAnyAnswerEndsIt() {
        ServiceSide service = new ServiceSide();
        CentralServiceSessions sessions = CentralServiceSessions.around(service.port(CentralService.class), 20);
        CardPathService cards = sessions.limit(CardPathService.class, service.port(CardPathService.class));
        BulkCentralService bulk = sessions.limit(BulkCentralService.class, service.port(BulkCentralService.class));
        EpsGateway eps = sessions.limit(EpsGateway.class, service.port(EpsGateway.class));

        service.failure = new CentralServiceUnavailableException("bulk: connection refused");
        assertThatThrownBy(() -> bulk.download(BulkKind.values()[0], new byte[] {1}))
                .isInstanceOf(CentralServiceUnavailableException.class);
        assertThat(sessions.outage()).hasValueSatisfying(o -> assertThat(o.detail()).contains("bulk"));
        assertThat(sessions.outagesSinceStart()).isEqualTo(1);

        service.failure = new CentralServiceUnavailableException("eps: timed out");
        assertThatThrownBy(() -> eps.readerSettings()).isInstanceOf(CentralServiceUnavailableException.class);
        assertThat(sessions.outage()).as("the same outage, its newest reason")
                .hasValueSatisfying(o -> assertThat(o.detail()).contains("eps"));
        assertThat(sessions.outagesSinceStart()).isEqualTo(1);

        service.failure = new CardPathRefusedException(ErrorCode.CENTRAL_SERVICE_REJECTED, "拒否");
        assertThatThrownBy(() -> cards.homeCareUrl(null)).isInstanceOf(CardPathRefusedException.class);
        assertThat(sessions.outage()).as("a card-path refusal is an answer: the service is reachable").isEmpty();
    }

    @Test
    void aPortIsAnInterfaceAndAMissingPortStaysMissing() {
        CentralServiceSessions sessions = CentralServiceSessions.around(new ServiceSide().port(CentralService.class), 2);
        assertThat(sessions.limit(EpsGateway.class, null)).isNull();
        assertThatThrownBy(() -> sessions.limit(Object.class, new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
