package org.suishen.appeals.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.appeals.AppealKind;
import org.suishen.appeals.internal.Appeal;
import org.suishen.appeals.internal.AppealState;
import org.suishen.appeals.internal.Consultation;
import org.suishen.appeals.internal.Decision;
import org.suishen.appeals.internal.QueueEntry;
import org.suishen.appeals.internal.ReviewCase;
import org.suishen.appeals.internal.ReviewQueue;
import org.suishen.appeals.internal.ReviewedPerson;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatus;

/** The JSON shapes of the reviewers' API. */
final class ReviewJson {

  private ReviewJson() {}

  /** The open appeals, oldest first, each with how long it has waited. */
  record Queue(long open, Instant asOf, List<Entry> entries) {

    static Queue of(ReviewQueue queue) {
      return new Queue(
          queue.open(),
          queue.now(),
          queue.entries().stream().map(e -> Entry.of(e, queue.now())).toList());
    }
  }

  record Entry(
      UUID id,
      AppealKind kind,
      AppealState state,
      Instant submittedAt,
      long waitingSeconds,
      @Nullable String reviewer,
      int files) {

    static Entry of(QueueEntry e, Instant now) {
      return new Entry(
          e.id(),
          e.kind(),
          e.state(),
          e.submittedAt(),
          waiting(e.submittedAt(), now),
          e.reviewer(),
          e.files());
    }
  }

  /** An appeal's state after a reviewer's action. */
  record State(
      UUID id,
      AppealState state,
      @Nullable String reviewer,
      @Nullable Instant claimedAt,
      @Nullable Decision decision) {

    static State of(Appeal a) {
      return new State(a.id(), a.state(), a.reviewer(), a.claimedAt(), a.decision());
    }
  }

  /** Everything the reviewer needs to decide. */
  record Case(
      UUID id,
      AppealKind kind,
      AppealState state,
      String text,
      @Nullable Colour believedColour,
      @Nullable String correctedName,
      Colour colourAtFiling,
      Instant submittedAt,
      long waitingSeconds,
      @Nullable String reviewer,
      @Nullable Instant claimedAt,
      @Nullable ReviewedPerson person,
      HealthStatus status,
      List<Consultation> consultations,
      int minimumConsultations,
      List<AppealJson.File> evidence,
      @Nullable Decision decision) {

    static Case of(ReviewCase c, Instant now) {
      var a = c.appeal();
      return new Case(
          a.id(),
          a.kind(),
          a.state(),
          a.text(),
          a.believedColour(),
          a.correctedName(),
          a.colourAtFiling(),
          a.submittedAt(),
          waiting(a.submittedAt(), a.decision() == null ? now : a.decision().decidedAt()),
          a.reviewer(),
          a.claimedAt(),
          c.person(),
          c.status(),
          c.consultations(),
          c.minimumConsultations(),
          c.evidence().stream().map(AppealJson.File::of).toList(),
          a.decision());
    }
  }

  static long waiting(Instant since, Instant now) {
    return Math.max(0, Duration.between(since, now).toSeconds());
  }
}
