package org.suishen.offlinecode.internal;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.suishen.shared.security.Role;

/**
 * The offline code's figures (MISSION O2, O5, X3), under {@code suishen.offline-code}.
 *
 * @param validity how long a printed code is valid (180 days)
 * @param minorsUnder people younger than this may apply (18)
 * @param eldersFrom people of this age or older may apply (60, the birthday included)
 * @param acceptedBy scanners (by role) that accept the paper code: staff with their phone and the
 *     sampling table; a venue sentinel refuses it (it needs a staff check with the ID card)
 */
@ConfigurationProperties("suishen.offline-code")
public record OfflineCodeProperties(
    @DefaultValue("180d") Duration validity,
    @DefaultValue("18") int minorsUnder,
    @DefaultValue("60") int eldersFrom,
    @DefaultValue({"VENUE_STAFF", "SAMPLER", "SAMPLING_TERMINAL"}) Set<Role> acceptedBy) {

  public OfflineCodeProperties {
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("suishen.offline-code.validity must be positive");
    }
    if (minorsUnder < 1 || eldersFrom <= minorsUnder) {
      throw new IllegalArgumentException(
          "suishen.offline-code: minors-under must be positive and below elders-from");
    }
    acceptedBy = Set.copyOf(acceptedBy);
  }
}
