package org.openoqs.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openoqs.server.office.OfficeApiSecurity;
import org.openoqs.server.operator.OperatorApiSecurity;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * docs/openapi.yaml documents exactly the {@code /api/**} operations the running service maps — an endpoint added
 * without documenting it, or documented and then removed, fails the build — and names the certificate each one
 * needs: the issuing office's under {@code /api/v1/office/**}, the operator's under {@code /api/v1/operator/**}, a
 * facility's everywhere else.
 */
class OpenApiMatchesServerMappingsTest {

    /** {@link UnknownApiController}: answers every other path under /api/ with 404; not an operation. */
    private static final String CATCH_ALL = "/api/**";

    private final OpenApiDocument document = OpenApiDocument.load();

    @Test
    void documentedOperationsAreExactlyTheMappedOnes() {
        Set<String> mapped = mappedApiOperations();
        Set<String> documented = new TreeSet<>();
        document.operations().stream().filter(o -> o.path().startsWith("/api/")).forEach(o -> documented.add(o.toString()));

        assertThat(mapped).as("the service's /api/** mappings").hasSizeGreaterThan(20);
        assertThat(documented).as("operations in docs/openapi.yaml").containsExactlyInAnyOrderElementsOf(mapped);
        assertThat(document.operations()).as("docs/openapi.yaml has nothing outside /api/")
                .allMatch(o -> o.path().startsWith("/api/"));
    }

    @Test
    void eachOperationNamesTheCertificateItsFilterChainDemands() {
        String officePrefix = OfficeApiSecurity.PATHS.replace("/**", "/");
        String operatorPrefix = OperatorApiSecurity.PATHS.replace("/**", "/");
        assertThat(document.tree().at("/security/0").has("facilityCertificate")).as("default security").isTrue();
        for (OpenApiDocument.Operation op : document.operations()) {
            String scheme = op.node().has("security")
                    ? op.node().at("/security/0").propertyNames().iterator().next() : "facilityCertificate";
            String expected = op.path().startsWith(officePrefix) ? "issuingOfficeCertificate"
                    : op.path().startsWith(operatorPrefix) ? "operatorCertificate" : "facilityCertificate";
            assertThat(scheme).as("certificate of %s", op).isEqualTo(expected);
            assertThat(op.node().path("responses").has("401")).as("401 of %s", op).isTrue();
            assertThat(op.node().path("responses").has("403")).as("403 of %s", op).isTrue();
            assertThat(op.node().path("responses").has("503")).as("503 (no CRL) of %s", op).isTrue();
        }
    }

    /** "METHOD /path" for every handler method mapped under /api/, as Spring MVC holds them. */
    private static Set<String> mappedApiOperations() {
        // every request-mapping handler mapping of the dispatcher (the application's, and actuator's for completeness)
        List<RequestMappingInfo> infos = new ArrayList<>();
        for (HandlerMapping m : SharedServer.get().server().bean(HandlerMappingIntrospector.class).getHandlerMappings()) {
            if (m instanceof RequestMappingInfoHandlerMapping mapping) {
                infos.addAll(mapping.getHandlerMethods().keySet());
            }
        }
        Set<String> operations = new TreeSet<>();
        boolean catchAllSeen = false;
        for (RequestMappingInfo info : infos) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (pattern.equals(CATCH_ALL) && methods.isEmpty()) {
                    catchAllSeen = true;
                    continue;
                }
                assertThat(methods).as("%s must name its HTTP methods to be documented", pattern).isNotEmpty();
                methods.forEach(m -> operations.add(m.name() + " " + pattern));
            }
        }
        assertThat(catchAllSeen).as("the 404 catch-all " + CATCH_ALL).isTrue();
        return operations;
    }
}
