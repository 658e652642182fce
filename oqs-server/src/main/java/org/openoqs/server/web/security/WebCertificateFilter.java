package org.openoqs.server.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.openoqs.pki.CheckResult;
import org.openoqs.pki.CheckStatus;
import org.openoqs.pki.FacilityCertificates;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.security.CertificateAuthenticationFilter;
import org.openoqs.server.security.ClientCertificateFilter;
import org.openoqs.server.security.ClientCertificateVerifier;
import org.openoqs.server.security.FacilityPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal is reached only with the facility's client certificate (seed chapter 7: 認証用の証明書の選択). On
 * every request, before login or anything else: the TLS client certificate must pass the same checks as the
 * terminal API's (our CA, validity, clientAuth, CRL) and name a registered facility. A signed-in session must stay
 * with the facility of the certificate it signed in with — a session presented over another facility's
 * certificate is ended. Refusals get a Japanese page and an audit entry.
 *
 * <p>Runs after the security context is loaded from the session, so it can compare the two.
 */
public final class WebCertificateFilter extends OncePerRequestFilter {

    public static final String ACTION = "WEB_CERTIFICATE_REFUSED";
    private static final Logger log = LoggerFactory.getLogger(WebCertificateFilter.class);

    private final ClientCertificateVerifier verifier;
    private final FacilityService facilities;
    private final AuditLog audit;
    private final CertificateRefusal refusal;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    public WebCertificateFilter(ClientCertificateVerifier verifier, FacilityService facilities, AuditLog audit,
                                CertificateRefusal refusal) {
        this.verifier = verifier;
        this.facilities = facilities;
        this.audit = audit;
        this.refusal = refusal;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return PortalPaths.isPublicAsset(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        X509Certificate[] chainPresented = (X509Certificate[]) request.getAttribute(ClientCertificateFilter.X509_ATTRIBUTE);
        CheckResult check = verifier.check(chainPresented);
        if (!check.ok() && CertificateAuthenticationFilter.unaccountable(check.status())) {
            audit.anonymousRefusals().refused(request.getRemoteAddr(), request.getMethod() + " "
                    + request.getRequestURI(), ACTION, check.status().name());
            refusal.write(response, HttpStatus.FORBIDDEN, check.message());
            return;
        }
        if (!check.ok()) {
            refuse(request, response, chainPresented, check.status() == CheckStatus.CRL_UNAVAILABLE
                    ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.FORBIDDEN, check.status().name(), check.message());
            return;
        }
        X509Certificate leaf = chainPresented[0];
        Optional<String> code = FacilityCertificates.institutionCodeOf(leaf);
        Optional<Facility> facility = code.flatMap(facilities::find);
        if (facility.isEmpty()) {
            refuse(request, response, chainPresented, HttpStatus.FORBIDDEN, "UNKNOWN_FACILITY",
                    "クライアント証明書の医療機関等はオンライン資格確認等システムに登録されていません");
            return;
        }
        Authentication signedIn = contextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof PortalUser user
                && !user.institutionCode().equals(code.get())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            contextHolder.clearContext();
            auditMismatch(request, code.get(), user);
            refuse(request, response, chainPresented, HttpStatus.FORBIDDEN, "FACILITY_MISMATCH",
                    "クライアント証明書の医療機関等と、ログイン中のアカウントの医療機関等が一致しません。もう一度ログインしてください");
            return;
        }
        new CertifiedFacility(facility.get(), new FacilityPrincipal(code.get(), serial(leaf), leaf)).attachTo(request);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, X509Certificate[] presented,
                        HttpStatus status, String reason, String message) throws IOException {
        X509Certificate leaf = presented == null || presented.length == 0 ? null : presented[0];
        String facility = leaf == null ? null : FacilityCertificates.institutionCodeOf(leaf).orElse(null);
        try {
            audit.append(facility, leaf == null ? "anonymous" : "cert:" + serial(leaf), ACTION,
                    request.getMethod() + " " + request.getRequestURI(), "REFUSED " + reason);
        } catch (RuntimeException e) {
            log.error("could not audit a refused portal request", e);
        }
        refusal.write(response, status, message);
    }

    /**
     * A session carried over another facility's certificate: each facility learns what concerns it without the
     * other's identity (its 操作履歴 must show only its own), and the full pair goes to a central entry (no
     * facility), which no facility's view lists.
     */
    private void auditMismatch(HttpServletRequest request, String certificateFacility, PortalUser user) {
        String what = request.getMethod() + " " + request.getRequestURI();
        try {
            audit.append(user.institutionCode(), user.accountId(), ACTION, what,
                    "REFUSED FACILITY_MISMATCH session ended (presented with another facility's certificate)");
            audit.append(null, "system", ACTION, what, "REFUSED FACILITY_MISMATCH certificate=" + certificateFacility
                    + " session=" + user.institutionCode() + "/" + user.accountId());
        } catch (RuntimeException e) {
            log.error("could not audit a facility mismatch", e);
        }
    }

    private static String serial(X509Certificate certificate) {
        return CertificateAuthenticationFilter.serial(certificate);
    }
}
