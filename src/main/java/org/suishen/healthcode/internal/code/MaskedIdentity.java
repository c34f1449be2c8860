package org.suishen.healthcode.internal.code;

import org.jspecify.annotations.Nullable;
import org.suishen.healthcode.PersonPhotos;
import org.suishen.identity.Person;

/**
 * What staff see of a scanned person: 王*明, 3101**********1234, and whether the photo library has
 * their photo (the code on the presenter's screen then shows it; else staff check the ID card).
 *
 * @param photoOnFile {@code null} where not known (a NAT credential, a code issued before it was
 *     kept): the scan page then says nothing about a photo
 */
public record MaskedIdentity(String name, String document, @Nullable Boolean photoOnFile) {

  public static MaskedIdentity of(Person person, PersonPhotos photos) {
    return new MaskedIdentity(
        person.maskedName(), person.maskedDocumentNumber(), photos.hasPhoto(person));
  }
}
