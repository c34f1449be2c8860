package org.suishen.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suishen.shared.problem.SuishenException;

class HealthCodeEligibilityTest {

  private final UUID declared = UUID.randomUUID();
  private final UUID notDeclared = UUID.randomUUID();

  private final HealthDeclarations declarations =
      new HealthDeclarations() {
        @Override
        public Optional<HealthDeclaration> latest(UUID personId) {
          return history(personId, 1).stream().findFirst();
        }

        @Override
        public boolean hasDeclared(UUID personId) {
          return personId.equals(declared);
        }

        @Override
        public List<HealthDeclaration> history(UUID personId, int limit) {
          return hasDeclared(personId)
              ? List.of(
                  new HealthDeclaration(
                      UUID.randomUUID(),
                      personId,
                      Instant.EPOCH,
                      Set.of(),
                      new BigDecimal("36.5"),
                      List.of(),
                      false,
                      false))
              : List.of();
        }
      };

  private final HealthCodeEligibility eligibility = new HealthCodeEligibility(declarations);

  @Test
  void aPersonWhoDeclaredMayReceiveAHealthCode() {
    assertThat(eligibility.mayReceiveHealthCode(declared)).isTrue();
    assertThat(eligibility.refusal(declared)).isEmpty();
    assertThatCode(() -> eligibility.requireEligible(declared)).doesNotThrowAnyException();
  }

  @Test
  void aPersonWhoHasNotDeclaredGetsNoHealthCode() {
    assertThat(eligibility.mayReceiveHealthCode(notDeclared)).isFalse();
    assertThat(eligibility.refusal(notDeclared)).contains("declaration.required");
    assertThatThrownBy(() -> eligibility.requireEligible(notDeclared))
        .isInstanceOfSatisfying(
            SuishenException.class,
            e -> {
              assertThat(e.code()).isEqualTo("declaration.required");
              assertThat(e.status().value()).isEqualTo(403);
            });
  }
}
