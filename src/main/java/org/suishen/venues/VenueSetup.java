package org.suishen.venues;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.security.Actor;

/**
 * Setting up venues for provisioning (the demo city, a city's start-up script): idempotent, so
 * running it again changes nothing.
 */
public interface VenueSetup {

  /**
   * A venue (registered when its manager has none of that name) with its rule and the sentinels and
   * staff working at it.
   *
   * @param negativeWithinHours the rule's negative-test window, or null for none
   */
  void ensureVenue(
      String name,
      String address,
      String district,
      String street,
      String community,
      String kind,
      String manager,
      @Nullable Integer negativeWithinHours,
      List<String> members,
      Actor actor);
}
