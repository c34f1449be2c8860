package org.suishen.identity;

import java.util.UUID;
import org.suishen.shared.security.Actor;

/**
 * Corrects a person's registered name, e.g. after an upheld appeal (H7): at once, audited, and
 * announced ({@link PersonNameCorrected}) so that codes show the right (masked) name.
 */
public interface NameCorrections {

  /**
   * Sets the name as it stands on the identity document. Nothing happens if the name is already
   * exactly this (so a replayed correction is harmless).
   *
   * @throws org.suishen.shared.problem.SuishenException {@code identity.person.unknown} (404) or
   *     {@code identity.import.name} (400) for an empty or over-long name
   */
  void correct(UUID personId, String name, Actor actor, String reason);
}
