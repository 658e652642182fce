package org.openoqs.terminal.central;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's sessions with the central service. Every call of every port goes through here — qualification
 * inquiries ({@link CentralService}), the card path ({@link CardPathService}: 照会番号, 医療情報, 居宅, マイナ在宅受付Web
 * URL, the reader's card calls), the reader's {@link DeviceSignIn}, bulk ({@link BulkCentralService}), 電子処方箋
 * ({@link EpsGateway}), 配信 ({@link DistributionServer}) and certificate renewal ({@link CertificateRenewalService})
 * — so that
 * <ul>
 *   <li>at most {@link #limit()} calls are open at the same time, across all ports — the real terminal's limit of 20
 *       concurrent sessions; further callers wait their turn (first come, first served), they are never refused;</li>
 *   <li>the health status knows whether the service is reachable: the first {@link CentralServiceUnavailableException}
 *       of any port starts an {@link ServiceOutage} (logged once), the next call the service answers — even with a
 *       refusal — ends it (logged once).</li>
 * </ul>
 * A port is limited by {@link #limit(Class, Object)}: a dynamic proxy of its interface, so methods later added to a
 * port, and new ports, are limited and observed without touching this class. A call made while the same thread
 * already holds a session (a nested call, also through another port) does not take a second one, so nesting can
 * never deadlock the limit.
 */
public final class CentralServiceSessions {

    private static final Logger log = LoggerFactory.getLogger(CentralServiceSessions.class);

    private final int limit;
    private final Semaphore sessions;
    private final AtomicInteger inUse = new AtomicInteger();
    private final AtomicInteger mostInUse = new AtomicInteger();
    private final AtomicReference<ServiceOutage> outage = new AtomicReference<>();
    private final AtomicLong outages = new AtomicLong();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final CentralService limited;

    private CentralServiceSessions(CentralService inquiries, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
        this.sessions = new Semaphore(limit, true);
        this.limited = limit(CentralService.class, inquiries);
    }

    /** Wraps the inquiry port {@code delegate}; use {@link #service()} for its calls, {@link #limit} for the others. */
    public static CentralServiceSessions around(CentralService delegate, int limit) {
        return new CentralServiceSessions(Objects.requireNonNull(delegate, "delegate"), limit);
    }

    /**
     * Sessions for a process that has no inquiry port (a card reader or the 配信 agent on their own): its ports are
     * limited by {@link #limit(Class, Object)}.
     */
    public static CentralServiceSessions withLimit(int limit) {
        return new CentralServiceSessions(null, limit);
    }

    /**
     * The inquiry port, limited and observed.
     *
     * @throws IllegalStateException for sessions made {@link #withLimit without one}
     */
    public CentralService service() {
        if (limited == null) {
            throw new IllegalStateException("these sessions have no inquiry port");
        }
        return limited;
    }

    /**
     * Another port of the central service, limited by the same sessions and observed by the same outage tracking.
     *
     * @return {@code null} when {@code delegate} is {@code null} (the terminal has no such port)
     */
    public <T> T limit(Class<T> port, T delegate) {
        if (delegate == null) {
            return null;
        }
        if (!port.isInterface()) {
            throw new IllegalArgumentException("a port is an interface: " + port.getName());
        }
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                new LimitingHandler(port, delegate)));
    }

    public int limit() {
        return limit;
    }

    /** Calls open right now. */
    public int inUse() {
        return inUse.get();
    }

    /** The most calls that were ever open at the same time. */
    public int mostInUse() {
        return mostInUse.get();
    }

    /** Outages that began since start (a current one included). */
    public long outagesSinceStart() {
        return outages.get();
    }

    /** Present while the service is unreachable. */
    public Optional<ServiceOutage> outage() {
        return Optional.ofNullable(outage.get());
    }

    private Object call(Class<?> port, Object delegate, Method method, Object[] args) throws Throwable {
        int[] nesting = depth.get();
        boolean outermost = nesting[0] == 0;
        if (outermost) {
            try {
                sessions.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CentralServiceUnavailableException("interrupted while waiting for a free session", e);
            }
            mostInUse.accumulateAndGet(inUse.incrementAndGet(), Math::max);
        }
        nesting[0]++;
        try {
            Object answer = method.invoke(delegate, args);
            reachable();
            return answer;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CentralServiceUnavailableException unavailable) {
                unreachable(port.getSimpleName() + "." + method.getName(), unavailable);
            } else if (cause instanceof CentralServiceRefusedException) {
                reachable(); // it answered, if only to refuse
            }
            throw cause;
        } finally {
            nesting[0]--;
            if (outermost) {
                inUse.decrementAndGet();
                sessions.release();
            }
        }
    }

    private void reachable() {
        ServiceOutage ended = outage.getAndSet(null);
        if (ended != null) {
            log.info("central service reachable again (unreachable since {})", ended.since());
        }
    }

    /** @param where the port and method that met the outage, so the health file says which call failed */
    private void unreachable(String where, CentralServiceUnavailableException failure) {
        ServiceOutage started = new ServiceOutage(Instant.now(), where + ": " + failure.getMessage());
        ServiceOutage before = outage.getAndUpdate(current -> current == null ? started
                : new ServiceOutage(current.since(), started.detail()));
        if (before == null) {
            outages.incrementAndGet();
            log.warn("central service unreachable: {}. Requests are kept and retried with back-off", started.detail());
        }
    }

    private final class LimitingHandler implements InvocationHandler {
        private final Class<?> port;
        private final Object delegate;

        LimitingHandler(Class<?> port, Object delegate) {
            this.port = port;
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "CentralServiceSessions[" + limit + " × " + port.getSimpleName() + " " + delegate + "]";
                };
            }
            return call(port, delegate, method, args);
        }
    }
}
