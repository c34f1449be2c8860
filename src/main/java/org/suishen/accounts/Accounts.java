package org.suishen.accounts;

import java.util.Optional;
import java.util.UUID;

/** Looking up staff and device accounts, e.g. a device's location for a venue's records. */
public interface Accounts {

  Optional<Account> find(UUID id);

  /** By staff username or device id (case-insensitive). */
  Optional<Account> findByLogin(String login);
}
