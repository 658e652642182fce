package org.openoqs.server.metrics;

import org.openoqs.server.logging.RequestIdFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters around every request, outside Spring Security's chain: first the request id for the log lines, then
 * the API's timing, so that refused requests are timed and logged with their id as well.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiMetricsFilter> apiMetricsFilter(OqsMetrics metrics) {
        FilterRegistrationBean<ApiMetricsFilter> registration = new FilterRegistrationBean<>(new ApiMetricsFilter(metrics));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
