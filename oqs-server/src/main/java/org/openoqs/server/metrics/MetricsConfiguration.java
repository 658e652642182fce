package org.openoqs.server.metrics;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The API's timing filter, outside Spring Security's chain so that refused requests are timed as well. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    FilterRegistrationBean<ApiMetricsFilter> apiMetricsFilter(OqsMetrics metrics) {
        FilterRegistrationBean<ApiMetricsFilter> registration = new FilterRegistrationBean<>(new ApiMetricsFilter(metrics));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
