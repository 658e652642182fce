package org.openoqs.core.registry;

import java.util.List;

/**
 * Everything a registry is built from: people, their qualifications and their cards. The synthetic population is
 * one; a registry reads this and never depends on where the people came from.
 */
public interface RegistryContents {
    List<Person> persons();

    List<Qualification> qualifications();

    List<MyNumberCard> cards();
}
