package org.suishen.healthcode;

import org.suishen.identity.Person;

/**
 * The authority's photo library (MISSION H3: the code shows the person's photo, so that staff can
 * match face and code), for every page that shows someone's code — the person's own and a proxy
 * code shown by a family member. The caller decides who may see whose photo and audits it.
 */
public interface PersonPhotos {

  /** The person's photo, or a neutral placeholder (SVG) if the library has none. */
  PersonPhoto photoOf(Person person);

  /**
   * Whether the library holds a photo of the person (the code page then shows it; else it says so
   * and sends the checker to the ID card, never an empty frame to compare with).
   */
  default boolean hasPhoto(Person person) {
    return !photoOf(person).placeholder();
  }

  /**
   * An image and its media type.
   *
   * @param placeholder true for the neutral stand-in shown when the library has no photo
   */
  record PersonPhoto(byte[] bytes, String mediaType, boolean placeholder) {}
}
