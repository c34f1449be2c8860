package org.suishen.appeals.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suishen.appeals.AppealKind;
import org.suishen.appeals.AppealUpheld;
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

  UpheldAppealsTakeEffect(ManualStatusChanges statusChanges) {
    this.statusChanges = statusChanges;
  }

  @ApplicationModuleListener
  void on(AppealUpheld upheld) {
    if (upheld.kind() == AppealKind.WRONG_COLOUR && upheld.correctedColour() != null) {
      statusChanges.applyUpheldAppeal(
          upheld.personId(), upheld.correctedColour(), upheld.appealId(), upheld.reviewer());
    }
  }
}
