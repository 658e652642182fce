package org.openoqs.server.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller parameter of type {@code facility.Facility}: the facility the caller's client certificate names,
 * as the certificate filter found it for this request ({@link CallerFacilityResolver}). A controller asks for it
 * instead of looking the facility up again.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CallerFacility {
}
