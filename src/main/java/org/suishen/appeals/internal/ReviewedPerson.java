package org.suishen.appeals.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.suishen.identity.DocumentType;
import org.suishen.identity.Person;
import org.suishen.identity.Sex;

/**
 * What a reviewer sees of the appellant: the masked identity and the register data needed to
 * decide. The registered name appears in full only on a name or identity appeal, where it is the
 * very thing contested or the thing to check the evidence against.
 */
@Schema(description = "What a reviewer sees of the appellant")
public record ReviewedPerson(
    @Schema(example = "王*明") String maskedName,
    @Schema(
            description = "The registered name in full: on a name or identity appeal only",
            example = "王小明")
        @Nullable String registeredName,
    DocumentType documentType,
    @Schema(example = "3101**********0035") String maskedDocumentNumber,
    Sex sex,
    @Schema(example = "37") int age,
    @Schema(example = "徐汇区") @Nullable String district) {

  static ReviewedPerson of(Person person, boolean showName, java.time.LocalDate today) {
    return new ReviewedPerson(
        person.maskedName(),
        showName ? person.name() : null,
        person.document().type(),
        person.maskedDocumentNumber(),
        person.sex(),
        person.ageOn(today),
        person.district());
  }

  @Override
  public String toString() {
    return "ReviewedPerson[" + maskedName + "]";
  }
}
