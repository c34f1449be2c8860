package org.suishen.venues.internal.door;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.suishen.offlinecode.PaperCheckPassages;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.security.Actor;
import org.suishen.venues.internal.venue.Venues;

/**
 * A staff check of a paper offline code, recorded as a passage of the checker's venue (O9) and
 * decided with its rule like every other credential (O11).
 */
@Component
class PaperCheckedAtVenue implements PaperCheckPassages {

  private final Doors doors;
  private final Venues venues;
  private final MessageSource messages;

  PaperCheckedAtVenue(Doors doors, Venues venues, MessageSource messages) {
    this.doors = doors;
    this.venues = venues;
    this.messages = messages;
  }

  @Override
  public Optional<VenueVerdict> record(UUID personId, Actor checker, Instant checkedAt) {
    return doors
        .paperChecked(personId, checker, checkedAt)
        .map(
            d -> {
              String key = "venues.door.reason." + d.reason().code();
              return new VenueVerdict(
                  venues.require(d.venueId()).name(),
                  d.admitted(),
                  d.reason().code(),
                  messages.getMessage(key, null, ErrorMessages.CHINESE),
                  messages.getMessage(key, null, ErrorMessages.ENGLISH));
            });
  }
}
