package org.openoqs.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type, or every type of a package, of oqs-core that is public only so that the other openoqs modules (the
 * central service, the terminal, the {@code oqs} command, the benchmarks) can use it. It is not part of what a
 * vendor may build on (docs/core-api.md) and may change in any release. The module rules check that nothing else
 * uses it and that no published type exposes it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Internal {
}
