package org.suishen.status.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suishen.declaration.HealthDeclared;
import org.suishen.status.StatusFacts;

/**
 * A health declaration is data for the engine (H1, H2): the regions the person arrived from count
 * like the authority's arrival feed, and the declaration clears a "please declare again" notice.
 */
@Component
class DeclarationsFeedTheEngine {

  private final StatusFacts facts;

  DeclarationsFeedTheEngine(StatusFacts facts) {
    this.facts = facts;
  }

  @ApplicationModuleListener
  void on(HealthDeclared declared) {
    declared
        .visits()
        .forEach(
            visit ->
                facts.recordArrival(
                    declared.personId(), visit.regionCode(), visit.arrivedOn(), "declaration"));
    facts.declarationReceived(declared.personId(), declared.declaredAt(), declared.symptoms());
  }
}
