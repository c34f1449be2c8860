package org.suishen.citizen;

import java.util.Optional;
import java.util.UUID;

/**
 * Whose phone is it: the registered person whose citizen account a mainland mobile number is bound
 * to. For staff who must find a person by the phone they called from (the person search); the
 * caller audits the look-up.
 */
public interface CitizenPhones {

  /**
   * The person id of the account bound to {@code phone}; empty if no account has the number or its
   * account has not claimed an identity yet.
   *
   * @param phone as people type it (blanks, dashes, a +86 prefix); refused with {@code
   *     citizen.phone.format} (400) unless it is a mainland mobile number
   */
  Optional<UUID> registeredPersonWith(String phone);
}
