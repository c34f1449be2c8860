package org.suishen.healthcode.internal.code;

import org.suishen.identity.Person;

/** What staff see of a scanned person: 王*明, 3101**********1234. */
public record MaskedIdentity(String name, String document) {

  public static MaskedIdentity of(Person person) {
    return new MaskedIdentity(person.maskedName(), person.maskedDocumentNumber());
  }
}
