package org.openoqs.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a controller its {@link CallerFacility}: the facility {@link ClientCertificateFilter} loaded when it
 * authenticated the request (one read of the facility per request), or, where a request was authenticated without
 * that filter, the facility of the authenticated {@link FacilityPrincipal}.
 */
@Configuration(proxyBeanMethods = false)
public class CallerFacilityResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final FacilityService facilities;

    public CallerFacilityResolver(FacilityService facilities) {
        this.facilities = facilities;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CallerFacility.class)
                && Facility.class.equals(parameter.getParameterType());
    }

    @Override
    public Facility resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (request != null && request.getAttribute(ClientCertificateFilter.FACILITY_ATTRIBUTE) instanceof Facility f) {
            return f;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof FacilityPrincipal caller) {
            return facilities.get(caller.institutionCode());
        }
        // the terminal API's chain lets no request through without a facility certificate; this is its answer too
        throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.CENTRAL_SERVICE_REJECTED,
                "クライアント証明書が提示されていません");
    }
}
