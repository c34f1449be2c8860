package org.suishen.appeals.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.appeals.AppealKind;
import org.suishen.appeals.internal.Appeal;
import org.suishen.appeals.internal.AppealState;
import org.suishen.appeals.internal.CitizenAppeal;
import org.suishen.appeals.internal.EvidenceFile;
import org.suishen.appeals.internal.Outcome;
import org.suishen.status.Colour;

/** The JSON shapes of the appeals API. */
final class AppealJson {

  private AppealJson() {}

  /** An appeal as its appellant sees it; {@code answer} is absent until it is decided. */
  record Mine(
      UUID id,
      AppealKind kind,
      AppealState state,
      String text,
      @Nullable Colour believedColour,
      @Nullable String correctName,
      Instant submittedAt,
      List<File> evidence,
      @Nullable Answer answer) {

    static Mine of(CitizenAppeal mine) {
      var a = mine.appeal();
      return new Mine(
          a.id(),
          a.kind(),
          a.state(),
          a.text(),
          a.believedColour(),
          a.correctName(),
          a.submittedAt(),
          mine.evidence().stream().map(File::of).toList(),
          Answer.of(a));
    }
  }

  /** The authority's answer, shown to the person. */
  record Answer(
      Outcome outcome,
      @Nullable Colour correctedColour,
      @Nullable String correctedName,
      @Nullable String reason,
      Instant decidedAt) {

    static @Nullable Answer of(Appeal appeal) {
      var d = appeal.decision();
      return d == null
          ? null
          : new Answer(
              d.outcome(), d.correctedColour(), d.correctedName(), d.answer(), d.decidedAt());
    }
  }

  /**
   * An evidence file; {@code purgedAt} is set once its bytes were deleted under the retention rule
   * (the download then answers 410 {@code appeals.evidence.purged}), {@code sha256} stays.
   */
  record File(
      UUID id,
      int position,
      String fileName,
      String contentType,
      int size,
      String sha256,
      @Nullable Instant purgedAt) {

    static File of(EvidenceFile f) {
      return new File(
          f.id(),
          f.position(),
          f.fileName(),
          f.type().contentType(),
          f.size(),
          f.sha256(),
          f.purgedAt());
    }
  }
}
