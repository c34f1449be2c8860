package org.suishen.dependants.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.identity.DocumentType;
import org.suishen.identity.Person;

/**
 * A person as shown to someone else: masked name and document number, age on the day (MISSION X1).
 */
@Schema(description = "A person, masked")
public record PersonSummary(
    @Schema(description = "The person id", example = "0b6f1c9e-3f7a-4d2e-9a41-5c2d8e7f1a30")
        UUID id,
    @Schema(example = "刘*轩") String maskedName,
    @Schema(example = "RESIDENT_ID") @Nullable DocumentType documentType,
    @Schema(example = "3101**********0035") String maskedDocumentNumber,
    @Schema(description = "Completed years, today (city clock)", example = "7") int age) {

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
