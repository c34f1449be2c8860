package org.suishen.venues.internal.door;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.CodeGroupChecks;
import org.suishen.healthcode.CodeGroupChecks.CheckedCode;
import org.suishen.healthcode.CodeType;
import org.suishen.identity.Names;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.status.HealthStatus;
import org.suishen.status.HealthStatuses;
import org.suishen.status.LatestTests;
import org.suishen.status.LatestTests.Latest;
import org.suishen.venues.internal.rule.DoorReason;
import org.suishen.venues.internal.rule.EffectiveRule;
import org.suishen.venues.internal.rule.VenueRules;

/**
 * Decides a group of presentations (reads only): the codes judged together, the people's colours
 * and latest tests read once for the group, each door's effective rule applied (O11: the same rule
 * for every credential). A decision a sentinel made offline is kept as it was made: the passage
 * happened; the centre only learns whom it was.
 */
@Component
public class DoorDecider {

  /** The codes a door admits on: a paper offline code needs a member of staff and the ID card. */
  public static final Set<CodeType> ACCEPTED = EnumSet.of(CodeType.LIVE, CodeType.PROXY);

  private final CodeGroupChecks checks;
  private final HealthStatuses statuses;
  private final LatestTests latestTests;
  private final PopulationRegister register;
  private final VenueRules rules;

  DoorDecider(
      CodeGroupChecks checks,
      HealthStatuses statuses,
      LatestTests latestTests,
      PopulationRegister register,
      VenueRules rules) {
    this.checks = checks;
    this.statuses = statuses;
    this.latestTests = latestTests;
    this.register = register;
    this.rules = rules;
  }

  /** Whom a presentation named, or why it named nobody. */
  private record Identified(
      @Nullable UUID personId,
      String credential,
      @Nullable String maskedName,
      @Nullable String maskedDocument,
      @Nullable String holderMaskedName,
      @Nullable DoorReason refusal) {

    static Identified nobody(String credential, DoorReason refusal) {
      return new Identified(null, credential, null, null, null, refusal);
    }
  }

  /** One decision per job, in order. */
  public List<DoorDecision> decideAll(List<DoorJob> jobs) {
    List<Identified> identified = identify(jobs);
    var people = new HashSet<UUID>();
    identified.forEach(
        i -> {
          if (i.personId() != null) {
            people.add(i.personId());
          }
        });
    Map<UUID, HealthStatus> colours = people.isEmpty() ? Map.of() : statuses.current(people);
    Map<UUID, Latest> latest = people.isEmpty() ? Map.of() : latestTests.ofAll(people);
    var decisions = new ArrayList<DoorDecision>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      decisions.add(decide(jobs.get(i), identified.get(i), colours, latest));
    }
    return decisions;
  }

  private DoorDecision decide(
      DoorJob job,
      Identified who,
      Map<UUID, HealthStatus> colours,
      Map<UUID, Latest> latestByPerson) {
    UUID personId = who.personId();
    Latest latest = personId == null ? null : latestByPerson.get(personId);
    HealthStatus status = personId == null ? null : colours.get(personId);
    String colour;
    DoorReason reason;
    if (job.offline() != null) {
      reason = job.offline().reason();
      colour = job.offline().colour();
    } else if (who.refusal() != null || status == null) {
      reason = who.refusal() == null ? DoorReason.UNKNOWN_PERSON : who.refusal();
      colour = null;
    } else {
      EffectiveRule rule = rules.effective(job.venue(), job.passedAt());
      reason = rule.decide(status.colour(), latest, job.temperature(), job.passedAt());
      colour = status.colour().name();
    }
    return new DoorDecision(
        job.passageId(),
        job.passedAt(),
        job.venue().id(),
        job.provenance(),
        job.recordedBy(),
        personId,
        reason,
        who.credential(),
        who.maskedName(),
        who.maskedDocument(),
        who.holderMaskedName(),
        colour,
        latest,
        job.temperature(),
        job.offline() != null,
        false);
  }

  private List<Identified> identify(List<DoorJob> jobs) {
    var verified = new ArrayList<CodeGroupChecks.Verified>();
    for (DoorJob job : jobs) {
      if (job.verified() != null) {
        verified.add(job.verified());
      }
    }
    List<CheckedCode> checked = verified.isEmpty() ? List.of() : checks.judge(verified, ACCEPTED);
    var known = new HashMap<UUID, Person>();
    var identified = new ArrayList<Identified>(jobs.size());
    int next = 0;
    for (DoorJob job : jobs) {
      Identified who =
          switch (job.presented()) {
            case Presented.Code code -> code(checked.get(next++), known);
            case Presented.IdCard card -> card(card);
            case Presented.Self self -> person(self.personId(), self.credential(), known);
            case Presented.CheckedPaper paper ->
                person(paper.personId(), paper.credential(), known);
          };
      identified.add(who);
    }
    return identified;
  }

  private Identified code(CheckedCode checked, Map<UUID, Person> known) {
    var check = checked.check();
    if (!check.accepted() || check.personId() == null || check.type() == null) {
      String credential = check.type() == null ? "CODE" : check.type().name();
      return Identified.nobody(credential, DoorReason.of(check.reason()));
    }
    if (checked.maskedName() != null) {
      return new Identified(
          check.personId(),
          check.type().name(),
          checked.maskedName(),
          checked.maskedDocument(),
          checked.holderMaskedName(),
          null);
    }
    // a reference without the identity kept beside it (older codes): ask the register
    Identified fromRegister = person(check.personId(), check.type().name(), known);
    return new Identified(
        fromRegister.personId(),
        fromRegister.credential(),
        fromRegister.maskedName(),
        fromRegister.maskedDocument(),
        checked.holderMaskedName(),
        fromRegister.refusal());
  }

  private Identified card(Presented.IdCard card) {
    // one answer for "not in the register" and "another name": the door learns nothing more
    return register
        .findByDocument(card.document())
        .filter(p -> Names.same(p.name(), card.name()))
        .map(
            p ->
                new Identified(
                    p.id(),
                    card.credential(),
                    p.maskedName(),
                    p.maskedDocumentNumber(),
                    null,
                    null))
        .orElseGet(() -> Identified.nobody(card.credential(), DoorReason.ID_CARD_NOT_MATCHED));
  }

  private Identified person(UUID personId, String credential, Map<UUID, Person> known) {
    Person person = known.computeIfAbsent(personId, id -> register.find(id).orElse(null));
    if (person == null) {
      return Identified.nobody(credential, DoorReason.UNKNOWN_PERSON);
    }
    return new Identified(
        person.id(), credential, person.maskedName(), person.maskedDocumentNumber(), null, null);
  }

  /** When a decision is made: for the caller's bound on an offline decision's age. */
  static boolean within(Instant at, Instant now, java.time.Duration past) {
    return !at.isAfter(now.plusSeconds(60)) && !at.isBefore(now.minus(past));
  }
}
