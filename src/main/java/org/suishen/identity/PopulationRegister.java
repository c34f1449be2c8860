package org.suishen.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who exists: the authority's population register, the source of truth for identities. */
public interface PopulationRegister {

  Optional<Person> find(UUID personId);

  Optional<Person> findByDocument(IdentityDocument document);

  /** Several people in one read (a trace query's rows); ids not in the register have no entry. */
  java.util.Map<UUID, Person> findAll(java.util.Collection<UUID> personIds);

  /** Everyone registered in the same household as the person (including the person). */
  List<Person> householdOf(UUID personId);
}
