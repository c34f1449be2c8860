package org.suishen.dependants.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.identity.DocumentType;
import org.suishen.identity.Person;

/**
 * A person as shown to someone else: masked name and document number, age on the day (MISSION X1).
 */
public record PersonSummary(
    UUID id,
    String maskedName,
    @Nullable DocumentType documentType,
    String maskedDocumentNumber,
    int age) {

  static PersonSummary of(Person person, LocalDate today) {
    return new PersonSummary(
        person.id(),
        person.maskedName(),
        person.document().type(),
        person.maskedDocumentNumber(),
        DependantEligibility.ageOn(person.birthDate(), today));
  }

  /** A person no longer in the register (should not happen; shown, not hidden). */
  static PersonSummary unknown(UUID id) {
    return new PersonSummary(id, "?", null, "?", -1);
  }
}
