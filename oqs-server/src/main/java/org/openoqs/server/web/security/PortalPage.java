package org.openoqs.server.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the web portal's pages, whichever feature it belongs to: the portal's page advice
 * ({@code web.PortalPageAdvice}) gives it the signed-in account and the certificate's facility for the shared
 * header and answers its failures with the Japanese refusal page. A feature marks its pages instead of copying that
 * advice or importing the portal.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PortalPage {
}
