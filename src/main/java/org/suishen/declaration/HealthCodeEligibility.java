package org.suishen.declaration;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.suishen.shared.problem.SuishenException;

/**
 * Policy (MISSION H1): a person who has not declared their health gets no health code. Real-name
 * registration is the other precondition, checked where the person is known.
 */
@Component
public class HealthCodeEligibility {

  /** The refusal code when no declaration exists. */
  public static final String DECLARATION_REQUIRED = "declaration.required";

  private final HealthDeclarations declarations;

  public HealthCodeEligibility(HealthDeclarations declarations) {
    this.declarations = declarations;
  }

  public boolean mayReceiveHealthCode(UUID personId) {
    return declarations.hasDeclared(personId);
  }

  /** Why the person may not receive a health code, if they may not. */
  public Optional<String> refusal(UUID personId) {
    return mayReceiveHealthCode(personId) ? Optional.empty() : Optional.of(DECLARATION_REQUIRED);
  }

  /** Throws {@code declaration.required} (403) unless the person may receive a health code. */
  public void requireEligible(UUID personId) {
    if (!mayReceiveHealthCode(personId)) {
      throw SuishenException.forbidden(DECLARATION_REQUIRED);
    }
  }
}
