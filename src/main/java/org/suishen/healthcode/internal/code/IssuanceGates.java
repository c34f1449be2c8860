package org.suishen.healthcode.internal.code;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.CodeIssuanceGate;

/**
 * The code-issuing rule in force: the application's {@link CodeIssuanceGate} bean if there is one
 * (the declaration context's eligibility), else a gate that allows every registered person.
 */
@Component
class IssuanceGates {

  private static final Logger log = LoggerFactory.getLogger(IssuanceGates.class);

  private final CodeIssuanceGate gate;

  IssuanceGates(ObjectProvider<CodeIssuanceGate> gates) {
    this.gate =
        gates.getIfAvailable(
            () -> {
              log.info(
                  "No CodeIssuanceGate bean: every registered person may receive a health code");
              return personId -> true;
            });
  }

  boolean mayReceiveHealthCode(UUID personId) {
    return gate.mayReceiveHealthCode(personId);
  }
}
