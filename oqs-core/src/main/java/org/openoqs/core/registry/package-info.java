/**
 * The registry model the personas and the synthetic population are made of: people, qualifications, cards, medical
 * tickets.
 *
 * <p><b>Published</b> (docs/core-api.md): the model records; the registry lookups ({@link
 * org.openoqs.core.registry.QualificationRegistry} and its in-memory implementation) are {@link
 * org.openoqs.core.Internal}.
 */
package org.openoqs.core.registry;
