package org.suishen.citizen.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.suishen.citizen.CitizenPhones;

/** {@link CitizenPhones} from the citizen accounts (one account per phone, one per person). */
@Component
class RegisteredPhones implements CitizenPhones {

  private final CitizenAccounts accounts;

  RegisteredPhones(CitizenAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Optional<UUID> registeredPersonWith(String phone) {
    // an unregistered account has no person: map() answers empty for it
    return accounts.findByPhone(PhoneNumber.parse(phone)).map(CitizenAccount::personId);
  }
}
