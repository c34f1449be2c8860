package org.suishen.declaration.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.suishen.declaration.RegionVisit;
import org.suishen.declaration.Symptom;
import org.suishen.shared.problem.SuishenException;

/**
 * What makes a health declaration acceptable: symptoms chosen explicitly (or "none" alone), a
 * plausible temperature, regions with valid codes and arrival days within the window and not in the
 * future, at least one region when arriving from elsewhere, and both yes/no questions answered.
 * Refusals carry {@code declaration.*} codes; nothing is stored on refusal.
 */
public final class DeclarationRules {

  static final String NONE = "NONE";

  private final DeclarationProperties settings;

  public DeclarationRules(DeclarationProperties settings) {
    this.settings = settings;
  }

  /** The accepted content of a declaration. */
  public record Accepted(
      Set<Symptom> symptoms,
      BigDecimal temperature,
      List<RegionVisit> regionVisits,
      boolean contactWithCases,
      boolean arrivingFromOtherRegion) {}

  /**
   * @param today the declaring person's current day (in the city's time zone)
   */
  public Accepted check(DeclarationForm form, LocalDate today) {
    Set<Symptom> symptoms = symptoms(form.symptoms());
    BigDecimal temperature = temperature(form.temperature());
    if (form.contactWithCases() == null) {
      throw SuishenException.badInput("declaration.contact.required");
    }
    if (form.arrivingFromOtherRegion() == null) {
      throw SuishenException.badInput("declaration.arrival.required");
    }
    List<RegionVisit> visits = visits(form.regionVisits(), today);
    if (form.arrivingFromOtherRegion() && visits.isEmpty()) {
      throw SuishenException.badInput("declaration.region.required");
    }
    return new Accepted(
        symptoms, temperature, visits, form.contactWithCases(), form.arrivingFromOtherRegion());
  }

  private Set<Symptom> symptoms(List<String> entered) {
    if (entered == null || entered.isEmpty()) {
      throw SuishenException.badInput("declaration.symptoms.required");
    }
    boolean none = false;
    Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
    for (String value : entered) {
      String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
      if (NONE.equals(name)) {
        none = true;
        continue;
      }
      try {
        symptoms.add(Symptom.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw SuishenException.badInput("declaration.symptoms.unknown");
      }
    }
    if (none && !symptoms.isEmpty()) {
      throw SuishenException.badInput("declaration.symptoms.conflict");
    }
    return symptoms;
  }

  private BigDecimal temperature(BigDecimal entered) {
    if (entered == null) {
      throw SuishenException.badInput("declaration.temperature.required");
    }
    if (entered.compareTo(settings.temperatureMin()) < 0
        || entered.compareTo(settings.temperatureMax()) > 0) {
      throw SuishenException.badInput(
          "declaration.temperature.range",
          settings.temperatureMin().toPlainString(),
          settings.temperatureMax().toPlainString());
    }
    return entered.setScale(1, RoundingMode.HALF_UP);
  }

  private List<RegionVisit> visits(List<DeclarationForm.Visit> entered, LocalDate today) {
    if (entered == null) {
      return List.of();
    }
    if (entered.size() > settings.maxRegionVisits()) {
      throw SuishenException.badInput("declaration.region.too-many", settings.maxRegionVisits());
    }
    LocalDate earliest = today.minusDays(settings.regionWindowDays());
    List<RegionVisit> visits = new ArrayList<>();
    for (DeclarationForm.Visit visit : entered) {
      if (visit == null) {
        continue;
      }
      String code = visit.regionCode() == null ? "" : visit.regionCode().strip();
      if (!Regions.isValid(code)) {
        throw SuishenException.badInput("declaration.region.code");
      }
      LocalDate arrived = day(visit.arrivedOn());
      if (arrived.isAfter(today) || arrived.isBefore(earliest)) {
        throw SuishenException.badInput("declaration.region.date", settings.regionWindowDays());
      }
      visits.add(new RegionVisit(code, arrived));
    }
    return visits;
  }

  private LocalDate day(String entered) {
    if (entered == null || entered.isBlank()) {
      throw SuishenException.badInput("declaration.region.date", settings.regionWindowDays());
    }
    try {
      return LocalDate.parse(entered.strip());
    } catch (DateTimeParseException e) {
      throw SuishenException.badInput("declaration.region.date", settings.regionWindowDays());
    }
  }
}
