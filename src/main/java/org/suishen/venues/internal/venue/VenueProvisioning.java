package org.suishen.venues.internal.venue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.shared.security.Actor;
import org.suishen.status.Colour;
import org.suishen.venues.VenueSetup;
import org.suishen.venues.internal.rule.AdmissionRule;
import org.suishen.venues.internal.rule.VenueRules;
import org.suishen.venues.internal.rule.VenueRules.OfflineIdCard;

/** {@link VenueSetup}: registers as the manager would, so every step is audited as usual. */
@Service
class VenueProvisioning implements VenueSetup {

  private final Venues venues;
  private final VenueRules rules;
  private final JdbcClient jdbc;

  VenueProvisioning(Venues venues, VenueRules rules, JdbcClient jdbc) {
    this.venues = venues;
    this.rules = rules;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void ensureVenue(
      String name,
      String address,
      String district,
      String street,
      String community,
      String kind,
      String manager,
      @Nullable Integer negativeWithinHours,
      List<String> members,
      Actor actor) {
    Actor asManager = Actor.staff(manager);
    var existing =
        jdbc.sql("SELECT id FROM venue WHERE manager = ? AND name = ?")
            .params(manager, name)
            .query(java.util.UUID.class)
            .optional();
    if (existing.isPresent()) {
      return;
    }
    Venue venue =
        venues.register(
            new Venues.NewVenue(name, address, district, street, community, kind, manager),
            asManager);
    rules.setVenueRule(
        venue,
        AdmissionRule.of(
            EnumSet.of(Colour.GREEN), negativeWithinHours, null, new BigDecimal("37.3")),
        OfflineIdCard.REFUSE,
        asManager);
    for (String member : members) {
      venues.assign(venue.id(), member, asManager);
    }
  }
}
