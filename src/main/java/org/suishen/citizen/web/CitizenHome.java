package org.suishen.citizen.web;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suishen.declaration.HealthDeclarations;
import org.suishen.status.HealthStatus;
import org.suishen.status.HealthStatuses;
import org.suishen.status.StatusExplanations;

/**
 * What the citizen's home page says (issue 11): the current colour with its reason once there is a
 * code to show, and only the next step still open — register, then declare.
 */
@Component
class CitizenHome {

  /** The step a person still has to take before they have a code; {@code NONE} once they have. */
  enum NextStep {
    REGISTER,
    DECLARE,
    NONE
  }

  /**
   * @param colour {@code GREEN}, {@code YELLOW} or {@code RED} once the person has a code
   * @param reason why, in the reader's language
   */
  record View(
      AccountView account, NextStep nextStep, @Nullable String colour, @Nullable String reason) {}

  private final AccountViews accounts;
  private final HealthDeclarations declarations;
  private final HealthStatuses statuses;
  private final StatusExplanations explanations;

  CitizenHome(
      AccountViews accounts,
      HealthDeclarations declarations,
      HealthStatuses statuses,
      StatusExplanations explanations) {
    this.accounts = accounts;
    this.declarations = declarations;
    this.statuses = statuses;
    this.explanations = explanations;
  }

  View of(UUID accountId, Locale locale) {
    var account = accounts.account(accountId);
    AccountView view = AccountView.of(account, accounts.person(account));
    UUID personId = account.personId();
    if (personId == null) {
      return new View(view, NextStep.REGISTER, null, null);
    }
    if (!declarations.hasDeclared(personId)) {
      return new View(view, NextStep.DECLARE, null, null);
    }
    HealthStatus status = statuses.current(personId);
    return new View(
        view, NextStep.NONE, status.colour().name(), explanations.explain(status, locale).reason());
  }
}
