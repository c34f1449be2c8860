package org.suishen.citizen.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether the name a person typed is the registered name: full-width/half-width forms, case, blanks
 * and the separating dots of transcribed names (· • ・ .) do not matter.
 *
 * <p>Interim: to be replaced by {@code org.suishen.identity.Names.same(a, b)} once the identity
 * context publishes it, so that every context compares names the same way.
 */
final class NameMatch {

  private NameMatch() {}

  static boolean same(String a, String b) {
    String x = normalise(a);
    return !x.isEmpty() && x.equals(normalise(b));
  }

  static String normalise(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC)
        .replaceAll("[\\s\\u00B7\\u2022\\u30FB\\u2027\\u2219\\u22C5.\\-]", "")
        .toUpperCase(Locale.ROOT);
  }
}
