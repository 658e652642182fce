package org.openoqs.server.distribution;

import java.time.Clock;
import java.util.List;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The distribution service (配信サーバー) of the terminal API, behind the same mutual-TLS check as every
 * {@code /api/**} call: the caller is always the facility named by its certificate. docs/distribution.md.
 */
@RestController
@RequestMapping("/api/v1/distribution")
public class DistributionController {
    public static final String CONNECTED = "接続成功";
    static final String AUDIT_REGISTER = "DISTRIBUTION_REGISTER";

    private final DistributionService distribution;
    private final PackageRepository packages;
    private final AuditLog audit;
    private final Clock clock;

    public DistributionController(DistributionService distribution, PackageRepository packages, AuditLog audit,
                                  Clock clock) {
        this.distribution = distribution;
        this.packages = packages;
        this.audit = audit;
        this.clock = clock;
    }

    /** 配信サーバーへの接続確認: reaching this answer proves DNS, route, TLS, certificate and facility are fine. */
    public record Connection(String result, String institutionCode, String serverTime) {
    }

    public record Registration(String computerName, String agentVersion) {
    }

    public record VersionReport(List<InstalledVersion> versions) {
    }

    public record PackageList(List<PackageEntry> packages) {
    }

    @GetMapping("/connection")
    public Connection connection(@AuthenticationPrincipal FacilityPrincipal caller) {
        return new Connection(CONNECTED, caller.institutionCode(), clock.instant().toString());
    }

    /** Registers (or refreshes) the calling terminal: the 配信記録 of institution code + computer name. */
    @PostMapping("/terminals")
    public TerminalRecord register(@AuthenticationPrincipal FacilityPrincipal caller,
                                   @RequestBody Registration body) {
        TerminalRecord record = distribution.register(caller.institutionCode(), body.computerName(),
                body.agentVersion(), caller.certificate());
        audit.append(caller.institutionCode(), caller.actor(), AUDIT_REGISTER, "computer " + record.computerName(),
                "OK agent " + record.agentVersion());
        return record;
    }

    @GetMapping("/terminals")
    public List<TerminalRecord> terminals(@AuthenticationPrincipal FacilityPrincipal caller) {
        return distribution.terminals(caller.institutionCode());
    }

    @PutMapping("/terminals/{computerName}/versions")
    public VersionReport reportVersions(@AuthenticationPrincipal FacilityPrincipal caller,
                                        @PathVariable String computerName, @RequestBody VersionReport body) {
        if (body.versions() == null) {
            throw invalid("versions が指定されていません");
        }
        return new VersionReport(distribution.reportVersions(caller.institutionCode(),
                ComputerNames.require(computerName), body.versions()));
    }

    @GetMapping("/terminals/{computerName}/versions")
    public VersionReport versions(@AuthenticationPrincipal FacilityPrincipal caller, @PathVariable String computerName) {
        return new VersionReport(distribution.installedVersions(caller.institutionCode(),
                ComputerNames.require(computerName)));
    }

    @GetMapping("/packages")
    public PackageList packages() {
        return new PackageList(packages.list());
    }

    @GetMapping("/packages/{component}/{version}")
    public ResponseEntity<Resource> content(@PathVariable String component, @PathVariable String version) {
        PackageCoordinates coordinates = coordinates(component, version);
        return packages.content(coordinates)
                .map(file -> ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .<Resource>body(new FileSystemResource(file)))
                .orElseThrow(() -> notFound(coordinates + " のパッケージ"));
    }

    /** The detached CMS signature; 404 when the package was published unsigned (the terminal refuses it). */
    @GetMapping("/packages/{component}/{version}/signature")
    public ResponseEntity<byte[]> signature(@PathVariable String component, @PathVariable String version) {
        PackageCoordinates coordinates = coordinates(component, version);
        return packages.signature(coordinates)
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkcs7-signature"))
                        .body(bytes))
                .orElseThrow(() -> notFound(coordinates + " の署名"));
    }

    private static PackageCoordinates coordinates(String component, String version) {
        try {
            return new PackageCoordinates(component, version);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.DISTRIBUTION_PACKAGE_NOT_FOUND, what);
    }

    private static ApiException invalid(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_DISTRIBUTION_REQUEST, detail);
    }
}
