package org.suishen.appeals.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suishen.appeals.AppealKind;
import org.suishen.appeals.AppealUpheld;
import org.suishen.identity.NameCorrections;
import org.suishen.status.ManualStatusChanges;

/**
 * An upheld appeal corrects the colour (or the name) right after the decision commits, through the
 * status engine's audited manual-change path. Lives here rather than in the status or identity
 * context because appeals already depend on them (a listener there would close a cycle). Replays
 * are harmless: the corrections are idempotent per appeal.
 */
@Component
class UpheldAppealsTakeEffect {

  private final ManualStatusChanges statusChanges;
  private final NameCorrections names;

  UpheldAppealsTakeEffect(ManualStatusChanges statusChanges, NameCorrections names) {
    this.statusChanges = statusChanges;
    this.names = names;
  }

  @ApplicationModuleListener
  void on(AppealUpheld upheld) {
    if (upheld.kind() == AppealKind.WRONG_COLOUR && upheld.correctedColour() != null) {
      statusChanges.applyUpheldAppeal(
          upheld.personId(), upheld.correctedColour(), upheld.appealId(), upheld.reviewer());
    }
    if (upheld.kind() == AppealKind.WRONG_NAME && upheld.correctedName() != null) {
      names.correct(
          upheld.personId(),
          upheld.correctedName(),
          upheld.reviewer(),
          "appeal upheld: " + upheld.appealId());
    }
  }
}
