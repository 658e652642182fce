package org.openoqs.server.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.x509;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.ServletContext;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.server.CentralServer;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The portal of the JVM's shared central service, driven through MockMvc (no sockets, real filter chain): new
 * facilities with their certificates, master accounts, sign-in. Each test class makes its own facilities, so
 * classes never see each other's accounts or settings.
 */
public final class PortalFixture {

    /** A password that satisfies the policy, for accounts whose forced change the fixture completes. */
    public static final String GOOD_PASSWORD = "Hikari#2026go";

    private static PortalFixture instance;

    private final SharedServer shared;
    private final CentralServer server;
    private final MockMvc mvc;
    private final AtomicInteger counter = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 9000));
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    private PortalFixture(CentralServer server) {
        shared = SharedServer.get();
        this.server = server;
        WebApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(
                server.bean(ServletContext.class));
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    public static synchronized PortalFixture get() {
        if (instance == null) {
            instance = new PortalFixture(SharedServer.get().server());
        }
        return instance;
    }

    /**
     * The portal of a server a test started itself with the shared CA ({@code SharedServer.get().pki()}), for
     * settings the shared server must not have. Certificates and {@link SignedIn#as} work as on the shared one.
     */
    public static PortalFixture on(CentralServer server) {
        return new PortalFixture(server);
    }

    public MockMvc mvc() {
        return mvc;
    }

    public CentralServer server() {
        return server;
    }

    public SharedServer shared() {
        return shared;
    }

    public AccountService accounts() {
        return server().bean(AccountService.class);
    }

    /** Registers a new 医科 clinic (or hospital) with a fresh, valid institution code ("47" + "1" + "8" + …). */
    public String newFacility(String name, boolean hospital) {
        String code = CheckDigit.complete("4718" + String.format("%05d", counter.incrementAndGet() % 100_000));
        server().facilities().create(code, name, hospital);
        return code;
    }

    /** Registers a new pharmacy (点数表 4). */
    public String newPharmacy(String name) {
        String code = CheckDigit.complete("4748" + String.format("%05d", counter.incrementAndGet() % 100_000));
        server().facilities().create(code, name, false);
        return code;
    }

    /** The facility's client certificate, as a browser presents it. */
    public RequestPostProcessor certificateOf(String institutionCode) {
        return x509(certificates.computeIfAbsent(institutionCode, c -> shared.pki().issueFacility(c).certificate()));
    }

    /** Creates the master account {@code M<code>} with the password of its notice; returns that password. */
    public String createMaster(String institutionCode) {
        String initial = "Initial" + institutionCode;
        accounts().createMaster(institutionCode, masterId(institutionCode), initial);
        return initial;
    }

    public static String masterId(String institutionCode) {
        return "M" + institutionCode;
    }

    /** An account created by a manager of the facility, password as issued (not yet changed). */
    public IssuedPassword issue(String institutionCode, String managerId, AccountKind managerKind, AccountKind kind,
                                String name) {
        return accounts().create(new AccountActor(institutionCode, managerId, managerKind), kind, name);
    }

    /** POST /web/login through the facility's certificate. */
    public MvcResult login(String institutionCode, String accountId, String password) throws Exception {
        return mvc.perform(post("/web/login").with(certificateOf(institutionCode)).with(csrf())
                .param("accountId", accountId).param("password", password)).andReturn();
    }

    /** Signs in, completes the forced password change with {@link #GOOD_PASSWORD}, and returns the session. */
    public MockHttpSession signedIn(String institutionCode, String accountId, String issuedPassword) throws Exception {
        MvcResult login = login(institutionCode, accountId, issuedPassword);
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        if (session == null || login.getResponse().getRedirectedUrl() == null
                || login.getResponse().getRedirectedUrl().contains("error")) {
            throw new IllegalStateException("sign-in failed: " + login.getResponse().getRedirectedUrl());
        }
        if (login.getResponse().getRedirectedUrl().endsWith("/web/password/change")) {
            MvcResult changed = mvc.perform(post("/web/password/change").session(session)
                    .with(certificateOf(institutionCode)).with(csrf())
                    .param("newPassword", GOOD_PASSWORD).param("confirmPassword", GOOD_PASSWORD)).andReturn();
            if (changed.getResponse().getStatus() != 302) {
                throw new IllegalStateException("forced change failed: " + changed.getResponse().getContentAsString());
            }
        }
        return session;
    }

    /** A facility with its master signed in (forced change done): the usual start of a test. */
    public SignedIn facilityWithMaster(String name, boolean hospital) throws Exception {
        return masterOf(newFacility(name, hospital));
    }

    /** The registered facility's master account, created and signed in (forced change done). */
    public SignedIn masterOf(String code) throws Exception {
        String initial = createMaster(code);
        return new SignedIn(code, masterId(code), signedIn(code, masterId(code), initial));
    }

    /** An administrator of the facility, created by its master and signed in. */
    public SignedIn administrator(SignedIn master) throws Exception {
        IssuedPassword admin = issue(master.institutionCode(), master.accountId(), AccountKind.MASTER,
                AccountKind.ADMIN, "管理 太郎");
        return new SignedIn(master.institutionCode(), admin.account().accountId(),
                signedIn(master.institutionCode(), admin.account().accountId(), admin.password()));
    }

    /** An account of {@code kind} created by the administrator and signed in. */
    public SignedIn person(SignedIn admin, AccountKind kind, String name) throws Exception {
        IssuedPassword p = issue(admin.institutionCode(), admin.accountId(), AccountKind.ADMIN, kind, name);
        return new SignedIn(admin.institutionCode(), p.account().accountId(),
                signedIn(admin.institutionCode(), p.account().accountId(), p.password()));
    }

    /** A session and whose it is. */
    public record SignedIn(String institutionCode, String accountId, MockHttpSession session) {

        /** The request with this session and the facility's certificate. */
        public MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
            return request.session(session).with(get().certificateOf(institutionCode));
        }
    }
}
