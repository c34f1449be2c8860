package org.suishen.datatracker.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.suishen.accounts.Account;
import org.suishen.accounts.Accounts;

/**
 * Names a reader as a person may see it: a staff member by their role(s) only (the account's
 * description holds the staff member's name and is never shown), a device by its role, id and
 * place. One lookup per distinct reader of a page.
 */
final class ReaderNames {

  /** How a reader is shown. */
  record Reader(
      String kind,
      String role,
      @org.jspecify.annotations.Nullable String device,
      @org.jspecify.annotations.Nullable String place) {}

  private final Accounts accounts;
  private final MessageSource messages;
  private final Locale locale;
  private final Map<String, Reader> seen = new HashMap<>();

  ReaderNames(Accounts accounts, MessageSource messages, Locale locale) {
    this.accounts = accounts;
    this.messages = messages;
    this.locale = locale;
  }

  /** {@code kind} is {@code staff} or {@code device}; {@code id} the username or device id. */
  Reader of(String kind, String id) {
    return seen.computeIfAbsent(kind + ":" + id, key -> lookUp(kind, id));
  }

  private Reader lookUp(String kind, String id) {
    Optional<Account> account = accounts.findByLogin(id);
    String role =
        account
            .map(
                a ->
                    a.roles().stream()
                        .map(r -> messages.getMessage("role." + r.name(), null, r.name(), locale))
                        .collect(
                            Collectors.joining(locale.getLanguage().equals("en") ? ", " : "、")))
            .orElseGet(() -> messages.getMessage("datatracker.reader." + kind, null, kind, locale));
    if ("device".equals(kind)) {
      return new Reader(kind, role, id, account.map(Account::description).orElse(null));
    }
    return new Reader(kind, role, null, null);
  }
}
