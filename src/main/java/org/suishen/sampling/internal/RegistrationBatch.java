package org.suishen.sampling.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.Refusals;
import org.suishen.shared.problem.Refused;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * A batch of registrations a terminal (or the sampler's page) queued while offline, uploaded at
 * once when back (issue 12, "terminals that never stop the queue"). Each item is registered on its
 * own, in the order sent, through {@link Registrations#register}: a refused item rolls back nothing
 * of the others, and its refusal (code, status, message in both languages) comes back in its place,
 * so the site gets a list to fix and nothing is lost. Items sent again with their idempotency keys
 * answer as the first time and record nothing twice.
 */
@Component
public class RegistrationBatch {

  /** At most this many items in one upload ({@code sampling.batch.too-large} beyond). */
  public static final int MAX_ITEMS = 200;

  private static final Logger log = LoggerFactory.getLogger(RegistrationBatch.class);

  private final Registrations registrations;
  private final ErrorMessages messages;

  RegistrationBatch(Registrations registrations, ErrorMessages messages) {
    this.registrations = registrations;
    this.messages = messages;
  }

  /**
   * One queued registration as the device sent it; {@code credential} is read when the item's turn
   * comes (a wrong credential kind is that item's refusal, not the batch's).
   */
  public record Item(
      @Nullable String tubeBarcode,
      @Nullable String idempotencyKey,
      Supplier<PresentedCredential> credential,
      @Nullable Instant registeredAt) {}

  /** What became of one item: exactly one of the two is set. */
  public record Outcome(@Nullable Registration registration, @Nullable Refusal refusal) {}

  /** Why an item was refused: its stable code, status and message in both languages. */
  public record Refusal(
      String code, int status, String detail, String messageZh, String messageEn) {}

  /**
   * Registers every item in order, each in its own transaction; the outcomes in the same order.
   * Refuses the whole batch only when it is empty or has more than {@link #MAX_ITEMS} items.
   */
  public List<Outcome> register(@Nullable List<Item> items, Actor actor, Locale locale) {
    if (items == null || items.isEmpty()) {
      throw SuishenException.badInput("sampling.batch.empty");
    }
    if (items.size() > MAX_ITEMS) {
      throw SuishenException.badInput("sampling.batch.too-large", MAX_ITEMS);
    }
    List<Outcome> outcomes = new ArrayList<>(items.size());
    for (Item item : items) {
      outcomes.add(one(item, actor, locale));
    }
    return outcomes;
  }

  private Outcome one(Item item, Actor actor, Locale locale) {
    try {
      // each item is written with the others arriving at the time, never with its batch's
      Registration registration =
          registrations.register(
              item.tubeBarcode() == null ? "" : item.tubeBarcode(),
              item.idempotencyKey(),
              item.credential().get(),
              item.registeredAt(),
              actor);
      return new Outcome(registration, null);
    } catch (RuntimeException e) {
      Refused refused = Refusals.of(e);
      if (refused.serverFault()) {
        // the item stays in the device's queue (a 5xx is retried); the others go on
        log.error("batch item {} failed", item.idempotencyKey(), e);
      }
      Object[] arguments = refused.arguments();
      return new Outcome(
          null,
          new Refusal(
              refused.code(),
              refused.status().value(),
              messages.message(refused.code(), arguments, locale),
              messages.chinese(refused.code(), arguments),
              messages.english(refused.code(), arguments)));
    }
  }
}
