package org.suishen.sampling.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/** Staff reads of sampled people (a community's recall list): masked, each person audited. */
@Component
public class SamplingReads {

  static final String RECALL_LIST_READ = "sampling.recall.listed";

  private static final int LIMIT = 500;

  /** A recalled person as the community's caller sees them. */
  public record Recalled(
      UUID personId,
      String maskedName,
      String maskedDocumentNumber,
      @Nullable String guardianMaskedName,
      Recalls.Kind kind,
      String tubeBarcode,
      Instant sampledAt,
      Instant recalledAt,
      String siteName) {}

  private final Recalls recalls;
  private final SampledPeople people;
  private final AuditTrail audit;

  SamplingReads(Recalls recalls, SampledPeople people, AuditTrail audit) {
    this.recalls = recalls;
    this.people = people;
    this.audit = audit;
  }

  @Transactional
  public List<Recalled> recallList(@Nullable String community, Actor reader) {
    if (community == null || community.isBlank()) {
      throw SuishenException.badInput("sampling.recalls.community-required");
    }
    return recalls.openIn(community.strip(), LIMIT).stream()
        .map(
            r -> {
              audit.record(
                  AuditEvent.of(reader, RECALL_LIST_READ, r.personId(), "community " + community));
              var who = people.find(r.personId()).orElse(null);
              String guardian =
                  r.guardianPersonId() == null
                      ? null
                      : people
                          .find(r.guardianPersonId())
                          .map(SampledPeople.Who::maskedName)
                          .orElse(null);
              return new Recalled(
                  r.personId(),
                  who == null ? "?" : who.maskedName(),
                  who == null ? "-" : who.maskedDocumentNumber(),
                  guardian,
                  r.kind(),
                  r.tubeBarcode(),
                  r.sampledAt(),
                  r.recalledAt(),
                  r.siteName());
            })
        .toList();
  }
}
