package org.suishen.appeals.internal;

import org.jspecify.annotations.Nullable;
import org.suishen.identity.DocumentType;
import org.suishen.identity.Person;
import org.suishen.identity.Sex;

/**
 * What a reviewer sees of the appellant: the masked identity and the register data needed to
 * decide. The registered name appears in full only on a name appeal, where it is the very thing
 * contested.
 */
public record ReviewedPerson(
    String maskedName,
    @Nullable String registeredName,
    DocumentType documentType,
    String maskedDocumentNumber,
    Sex sex,
    int age,
    @Nullable String district) {

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
