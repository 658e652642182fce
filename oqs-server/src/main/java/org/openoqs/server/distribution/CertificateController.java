package org.openoqs.server.distribution;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.pki.CertificateAuthorityException;
import org.openoqs.pki.CertificateSigningRequests;
import org.openoqs.pki.ExpiryWarningSchedule;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Certificate renewal, the CRL and the caller's certificate status (docs/certificates.md). */
@RestController
@RequestMapping("/api/v1/certificates")
public class CertificateController {

    private final CertificateRenewalService renewal;
    private final CertificateAuthorityAccess ca;
    private final Clock clock;

    public CertificateController(CertificateRenewalService renewal, CertificateAuthorityAccess ca, Clock clock) {
        this.renewal = renewal;
        this.ca = ca;
        this.clock = clock;
    }

    /** @param csr PEM {@code CERTIFICATE REQUEST} made with the terminal's new key */
    public record RenewalRequest(String csr) {
    }

    /**
     * PEM certificate and CA certificate, with the new serial (hex) and end date, and when the certificate it
     * replaces is revoked (after the grace, docs/certificates.md §3).
     */
    public record RenewalResponse(String certificate, String caCertificate, String serial, String notAfter,
                                  String previousRevokedAfter) {
    }

    /**
     * @param warning the expiry warning due now (same rule as the terminal's log), or null
     */
    public record CertificateStatus(String institutionCode, String serial, String notAfter, long daysLeft,
                                    String warning) {
    }

    @PostMapping("/renew")
    public RenewalResponse renew(@AuthenticationPrincipal FacilityPrincipal caller, @RequestBody RenewalRequest body) {
        if (body.csr() == null || body.csr().isBlank()) {
            throw refused("csr（PEM 形式の証明書署名要求）が指定されていません");
        }
        try {
            CertificateRenewalService.Renewed renewed = renewal.renew(caller,
                    CertificateSigningRequests.fromPem(body.csr()));
            return new RenewalResponse(pem(renewed.certificate()), pem(renewed.caCertificate()),
                    DistributionService.serialOf(renewed.certificate()),
                    renewed.certificate().getNotAfter().toInstant().toString(),
                    renewed.previousRevokedAfter().toString());
        } catch (CertificateRenewalService.TooEarlyException e) {
            throw new ApiException(HttpStatus.CONFLICT, ErrorCode.CERTIFICATE_RENEWAL_TOO_EARLY,
                    "更新できるのは " + e.opensOn() + " からです");
        } catch (CertificateAuthorityException e) {
            throw refused(e.getMessage());
        }
    }

    /** The CA's current CRL (PEM), for terminals checking package signers and their own certificate. */
    @GetMapping(value = "/crl")
    public ResponseEntity<String> crl() {
        Optional<java.security.cert.X509CRL> crl = ca.currentCrl();
        if (crl.isEmpty()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.CENTRAL_SERVICE_UNAVAILABLE,
                    "証明書失効リストがありません");
        }
        try {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                    .body(pemBlock("X509 CRL", crl.get().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode the CRL", e);
        }
    }

    @GetMapping("/status")
    public CertificateStatus status(@AuthenticationPrincipal FacilityPrincipal caller) {
        X509Certificate cert = caller.certificate();
        var warning = ExpiryWarningSchedule.warningAt(cert.getNotAfter().toInstant(), clock.instant());
        long daysLeft = java.time.Duration.between(clock.instant(), cert.getNotAfter().toInstant()).toDays();
        return new CertificateStatus(caller.institutionCode(), caller.certificateSerial(),
                cert.getNotAfter().toInstant().toString(), daysLeft,
                warning.map(ExpiryWarningSchedule.ExpiryWarning::message).orElse(null));
    }

    private static ApiException refused(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.CERTIFICATE_RENEWAL_REFUSED, detail);
    }

    private static String pem(X509Certificate cert) {
        try {
            return pemBlock("CERTIFICATE", cert.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode a certificate", e);
        }
    }

    private static String pemBlock(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
