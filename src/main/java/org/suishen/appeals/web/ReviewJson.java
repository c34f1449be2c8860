package org.suishen.appeals.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.appeals.AppealKind;
import org.suishen.appeals.internal.Appeal;
import org.suishen.appeals.internal.AppealHistory;
import org.suishen.appeals.internal.AppealState;
import org.suishen.appeals.internal.Consultation;
import org.suishen.appeals.internal.DecidedAppeal;
import org.suishen.appeals.internal.Decision;
import org.suishen.appeals.internal.Outcome;
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
  @Schema(name = "AppealQueue", description = "The open appeals, oldest first")
  record Queue(
      @Schema(description = "Open appeals in all", example = "42") long open,
      @Schema(description = "The time waiting is counted to") Instant asOf,
      @Schema(description = "The oldest open appeals (suishen.appeals.queue-size)")
          List<Entry> entries) {

    static Queue of(ReviewQueue queue) {
      return new Queue(
          queue.open(),
          queue.now(),
          queue.entries().stream().map(e -> Entry.of(e, queue.now())).toList());
    }
  }

  @Schema(name = "AppealQueueEntry", description = "An open appeal: no personal data")
  record Entry(
      UUID id,
      AppealKind kind,
      AppealState state,
      Instant submittedAt,
      @Schema(example = "93600") long waitingSeconds,
      @Schema(description = "Who took it up; null while it waits", example = "staff:wang.li")
          @Nullable String reviewer,
      @Schema(description = "Evidence files attached", example = "2") int files) {

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

  /**
   * Decided appeals, newest decision first; {@code next} is the {@code before} of the next page.
   */
  @Schema(name = "AppealHistory", description = "Decided appeals, newest decision first")
  record History(
      List<Decided> entries,
      @Schema(
              description = "The before of the following page; null on the last",
              example = "1775721600000000.3f2b8c1e-7a4d-4e2b-9c1f-5d6e7f8a9b0c")
          @Nullable String next) {

    static History of(AppealHistory history) {
      return new History(history.entries().stream().map(Decided::of).toList(), history.next());
    }
  }

  @Schema(name = "DecidedAppeal", description = "A decided appeal: the person masked")
  record Decided(
      UUID id,
      AppealKind kind,
      @Schema(description = "The decision", example = "REJECTED") Outcome outcome,
      @Schema(description = "Null if the register no longer knows the person", example = "王*明")
          @Nullable String maskedName,
      @Schema(example = "3101**********0035") @Nullable String maskedDocumentNumber,
      @Schema(description = "The reviewer who decided", example = "staff:wang.li") String decidedBy,
      Instant decidedAt) {

    static Decided of(DecidedAppeal a) {
      return new Decided(
          a.id(),
          a.kind(),
          a.outcome(),
          a.maskedName(),
          a.maskedDocumentNumber(),
          a.decidedBy(),
          a.decidedAt());
    }
  }

  /** An appeal's state after a reviewer's action. */
  @Schema(name = "AppealReviewState", description = "An appeal's state after a reviewer's action")
  record State(
      UUID id,
      AppealState state,
      @Schema(description = "Who holds it; null in the queue", example = "staff:wang.li")
          @Nullable String reviewer,
      @Nullable Instant claimedAt,
      @Schema(description = "Once decided") @Nullable Decision decision) {

    static State of(Appeal a) {
      return new State(a.id(), a.state(), a.reviewer(), a.claimedAt(), a.decision());
    }
  }

  /** Everything the reviewer needs to decide. */
  @Schema(name = "AppealCase", description = "Everything a reviewer needs to decide an appeal")
  record Case(
      UUID id,
      AppealKind kind,
      AppealState state,
      @Schema(description = "The appellant's explanation", example = "我三月以来一直在上海。") String text,
      @Schema(
              description = "Colour appeal: the colour the person believes correct",
              example = "GREEN")
          @Nullable Colour believedColour,
      @Schema(description = "Name appeal: the name the person asks for", example = "王晓明")
          @Nullable String correctedName,
      @Schema(description = "The colour when the appeal was filed", example = "YELLOW")
          Colour colourAtFiling,
      Instant submittedAt,
      @Schema(description = "Until now, or until the decision", example = "93600")
          long waitingSeconds,
      @Schema(example = "staff:wang.li") @Nullable String reviewer,
      @Nullable Instant claimedAt,
      @Schema(description = "Null if the register no longer knows the person")
          @Nullable ReviewedPerson person,
      @Schema(description = "The person's current health status") HealthStatus status,
      List<Consultation> consultations,
      @Schema(
              description =
                  "Consultations needed before deciding (suishen.appeals.minimum-consultations)",
              example = "1")
          int minimumConsultations,
      List<AppealJson.File> evidence,
      @Nullable Decision decision,
      @Schema(description = "Identity appeals: the accounts involved, masked")
          @Nullable IdentityAccounts identity) {

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
          a.decision(),
          IdentityAccounts.of(c.identity()));
    }
  }

  /**
   * An identity appeal's accounts: the one that filed it and the one that holds the identity now.
   */
  @Schema(
      name = "AppealIdentityAccounts",
      description = "The accounts an identity appeal concerns, masked")
  record IdentityAccounts(
      @Schema(description = "The appellant's mobile number, masked", example = "139****0042")
          @Nullable String appellantPhone,
      @Schema(
              description = "The mobile number of the account holding the identity now; null: none",
              example = "186****7719")
          @Nullable String holderPhone,
      @Schema(description = "The holder's account last changed then: it claimed no later")
          @Nullable Instant holderSince) {

    static @Nullable IdentityAccounts of(ReviewCase.@Nullable IdentityAccounts accounts) {
      if (accounts == null) {
        return null;
      }
      var holder = accounts.holder();
      return new IdentityAccounts(
          accounts.appellantPhone(),
          holder == null ? null : holder.maskedPhone(),
          holder == null ? null : holder.since());
    }
  }

  static long waiting(Instant since, Instant now) {
    return Math.max(0, Duration.between(since, now).toSeconds());
  }
}
