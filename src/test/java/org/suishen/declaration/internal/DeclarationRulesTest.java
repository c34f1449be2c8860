package org.suishen.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.suishen.declaration.RegionVisit;
import org.suishen.declaration.Symptom;
import org.suishen.shared.problem.SuishenException;

class DeclarationRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2022, 4, 1);
  private final DeclarationRules rules =
      new DeclarationRules(
          new DeclarationProperties(
              new BigDecimal("34.0"),
              new BigDecimal("42.5"),
              Duration.ofDays(14),
              3,
              50,
              new BigDecimal("37.3")));

  private static DeclarationForm form(
      List<String> symptoms,
      BigDecimal temperature,
      List<DeclarationForm.Visit> visits,
      Boolean contact,
      Boolean arriving) {
    return new DeclarationForm(symptoms, temperature, visits, contact, arriving);
  }

  private static DeclarationForm healthy() {
    return form(List.of("NONE"), new BigDecimal("36.5"), List.of(), false, false);
  }

  private String refusal(DeclarationForm form) {
    try {
      rules.check(form, TODAY);
      return "accepted";
    } catch (SuishenException e) {
      assertThat(e.status().value()).isEqualTo(400);
      return e.code();
    }
  }

  @Test
  void acceptsAHealthyPersonWhoStayedHome() {
    var accepted = rules.check(healthy(), TODAY);
    assertThat(accepted.symptoms()).isEmpty();
    assertThat(accepted.temperature()).isEqualByComparingTo("36.5");
    assertThat(accepted.regionVisits()).isEmpty();
    assertThat(accepted.contactWithCases()).isFalse();
    assertThat(accepted.arrivingFromOtherRegion()).isFalse();
  }

  @Test
  void acceptsSymptomsRegionsAndArrival() {
    var accepted =
        rules.check(
            form(
                List.of("fever", "COUGH"),
                new BigDecimal("38.26"),
                List.of(
                    new DeclarationForm.Visit("420100", "2022-03-18"),
                    new DeclarationForm.Visit(" 310000 ", "2022-04-01")),
                true,
                true),
            TODAY);
    assertThat(accepted.symptoms()).containsExactlyInAnyOrder(Symptom.FEVER, Symptom.COUGH);
    assertThat(accepted.temperature()).isEqualTo(new BigDecimal("38.3"));
    assertThat(accepted.regionVisits())
        .containsExactly(
            new RegionVisit("420100", LocalDate.of(2022, 3, 18)), new RegionVisit("310000", TODAY));
    assertThat(accepted.contactWithCases()).isTrue();
  }

  @Test
  void symptomsMustBeChosenExplicitly() {
    assertThat(refusal(form(null, new BigDecimal("36.5"), null, false, false)))
        .isEqualTo("declaration.symptoms.required");
    assertThat(refusal(form(List.of(), new BigDecimal("36.5"), null, false, false)))
        .isEqualTo("declaration.symptoms.required");
    assertThat(refusal(form(List.of("SNEEZING"), new BigDecimal("36.5"), null, false, false)))
        .isEqualTo("declaration.symptoms.unknown");
    assertThat(refusal(form(List.of("NONE", "FEVER"), new BigDecimal("36.5"), null, false, false)))
        .isEqualTo("declaration.symptoms.conflict");
  }

  @Test
  void temperatureWithinTheBoundsIncluded() {
    assertThat(refusal(form(List.of("NONE"), new BigDecimal("34.0"), null, false, false)))
        .isEqualTo("accepted");
    assertThat(refusal(form(List.of("NONE"), new BigDecimal("42.5"), null, false, false)))
        .isEqualTo("accepted");
    assertThat(refusal(form(List.of("NONE"), new BigDecimal("33.9"), null, false, false)))
        .isEqualTo("declaration.temperature.range");
    assertThat(refusal(form(List.of("NONE"), new BigDecimal("42.51"), null, false, false)))
        .isEqualTo("declaration.temperature.range");
    assertThat(refusal(form(List.of("NONE"), null, null, false, false)))
        .isEqualTo("declaration.temperature.required");
  }

  @Test
  void bothQuestionsMustBeAnswered() {
    assertThat(refusal(form(List.of("NONE"), new BigDecimal("36.5"), null, null, false)))
        .isEqualTo("declaration.contact.required");
    assertThat(refusal(form(List.of("NONE"), new BigDecimal("36.5"), null, false, null)))
        .isEqualTo("declaration.arrival.required");
  }

  @Test
  void arrivalDaysLieWithinTheLast14DaysAndNotInTheFuture() {
    assertThat(refusal(visit("420100", "2022-03-18"))).isEqualTo("accepted");
    assertThat(refusal(visit("420100", "2022-03-17"))).isEqualTo("declaration.region.date");
    assertThat(refusal(visit("420100", "2022-04-02"))).isEqualTo("declaration.region.date");
    assertThat(refusal(visit("420100", "01/04/2022"))).isEqualTo("declaration.region.date");
    assertThat(refusal(visit("420100", null))).isEqualTo("declaration.region.date");
  }

  @Test
  void regionCodesAreAdministrativeDivisions() {
    assertThat(refusal(visit("42010", "2022-03-30"))).isEqualTo("declaration.region.code");
    assertThat(refusal(visit("990000", "2022-03-30"))).isEqualTo("declaration.region.code");
    assertThat(refusal(visit(null, "2022-03-30"))).isEqualTo("declaration.region.code");
    assertThat(refusal(visit("810000", "2022-03-30"))).isEqualTo("accepted");
  }

  @Test
  void atMostTheConfiguredNumberOfRegions() {
    List<DeclarationForm.Visit> visits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      visits.add(new DeclarationForm.Visit("310000", "2022-03-30"));
    }
    assertThat(refusal(form(List.of("NONE"), new BigDecimal("36.5"), visits, false, false)))
        .isEqualTo("declaration.region.too-many");
  }

  @Test
  void arrivingFromElsewhereNeedsARegion() {
    assertThat(refusal(form(List.of("NONE"), new BigDecimal("36.5"), List.of(), false, true)))
        .isEqualTo("declaration.region.required");
  }

  @Test
  void refusalsAreSuishenExceptions() {
    assertThatThrownBy(() -> rules.check(visit("420100", "2022-04-02"), TODAY))
        .isInstanceOfSatisfying(
            SuishenException.class, e -> assertThat(e.arguments()).containsExactly(14L));
  }

  private static DeclarationForm visit(String code, String day) {
    return form(
        List.of("NONE"),
        new BigDecimal("36.5"),
        List.of(new DeclarationForm.Visit(code, day)),
        false,
        false);
  }
}
