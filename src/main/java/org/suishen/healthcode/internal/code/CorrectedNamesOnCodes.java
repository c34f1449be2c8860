package org.suishen.healthcode.internal.code;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suishen.identity.PersonNameCorrected;
import org.suishen.identity.PopulationRegister;

/**
 * Scans show the masked name kept beside the person's code reference; a corrected name (H7)
 * replaces it at once rather than at the person's next code.
 */
@Component
class CorrectedNamesOnCodes {

  private final PopulationRegister register;
  private final JdbcClient jdbc;
  private final CodeSubjectCache cache;

  CorrectedNamesOnCodes(PopulationRegister register, JdbcClient jdbc, CodeSubjectCache cache) {
    this.register = register;
    this.jdbc = jdbc;
    this.cache = cache;
  }

  @ApplicationModuleListener
  void on(PersonNameCorrected corrected) {
    register
        .find(corrected.personId())
        .ifPresent(
            person -> {
              jdbc.sql("UPDATE code_subject SET masked_name = ? WHERE person_id = ?")
                  .params(person.maskedName(), person.id())
                  .update();
              cache.changed(java.util.List.of(person.id()));
            });
  }
}
