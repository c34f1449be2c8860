package org.suishen.appeals.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suishen.identity.DocumentType;
import org.suishen.identity.Person;

/**
 * An appeal as its appellant sees it: what they filed, their files, and the answer once given.
 *
 * @param identity identity appeals: the identity asked for, masked
 */
public record CitizenAppeal(
    Appeal appeal, List<EvidenceFile> evidence, @Nullable AppealedIdentity identity) {

  /** The identity an identity appeal asks for, masked as on every page someone else might see. */
  public record AppealedIdentity(
      DocumentType documentType, String maskedDocumentNumber, String maskedName) {

    static AppealedIdentity of(Person person) {
      return new AppealedIdentity(
          person.document().type(), person.maskedDocumentNumber(), person.maskedName());
    }
  }
}
