package org.suishen.venues.internal.venue;

/** What kind of place a venue is: the authority lays city-wide rules over a kind (D2). */
public enum VenueKind {
  MALL,
  MARKET,
  SUPERMARKET,
  RESTAURANT,
  HOSPITAL,
  OFFICE,
  SCHOOL,
  RESIDENTIAL_COMPOUND,
  TRANSPORT_HUB,
  HOTEL,
  ENTERTAINMENT,
  GOVERNMENT,
  OTHER;

  /** The kind named, or a refusal listing the kinds. */
  public static VenueKind parse(@org.jspecify.annotations.Nullable String name) {
    try {
      return valueOf(name == null ? "" : name.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw org.suishen.shared.problem.SuishenException.badInput(
          "venues.venue.kind-invalid",
          String.join(", ", java.util.Arrays.stream(values()).map(Enum::name).toList()));
    }
  }
}
