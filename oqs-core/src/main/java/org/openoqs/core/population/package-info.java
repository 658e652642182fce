/**
 * The synthetic population and the personas, with the request file each persona's corpus entry holds (corpus
 * access).
 *
 * <p><b>Published</b> (docs/core-api.md): {@link org.openoqs.core.population.Persona}, {@link
 * org.openoqs.core.population.Personas}, {@link org.openoqs.core.population.PersonaCorpus} and {@link
 * org.openoqs.core.population.SyntheticPopulation}; the generator and its tables are package-private.
 */
package org.openoqs.core.population;
