package org.suishen.identity;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.masking.Masking;

/**
 * A person in the authority's population register. Other contexts refer to people by {@link #id}
 * only, an opaque random identifier that reveals nothing.
 */
public record Person(
    UUID id,
    IdentityDocument document,
    String name,
    Sex sex,
    LocalDate birthDate,
    @Nullable String householdId,
    @Nullable String district,
    @Nullable String photoFile,
    boolean disabilityCertificate) {

  /** Completed years of age on the given day (a birthday counts from its first moment). */
  public int ageOn(LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }

  public String maskedName() {
    return Masking.name(name);
  }

  public String maskedDocumentNumber() {
    return Masking.documentNumber(document.number());
  }

  @Override
  public String toString() {
    return "Person[" + id + "]";
  }
}
