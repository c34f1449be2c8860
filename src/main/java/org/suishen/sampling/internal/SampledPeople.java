package org.suishen.sampling.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.masking.Masking;

/**
 * Who a sampled person is, masked, as anyone but themself sees them: a person of the register, or
 * an infant registered by hand (a provisional person of this context, without a document).
 */
@Component
class SampledPeople {

  static final String NO_DOCUMENT = "NONE";

  record Who(
      UUID personId,
      String maskedName,
      String documentType,
      String maskedDocumentNumber,
      boolean provisional) {}

  private final PopulationRegister register;
  private final JdbcClient jdbc;

  SampledPeople(PopulationRegister register, JdbcClient jdbc) {
    this.register = register;
    this.jdbc = jdbc;
  }

  Optional<Who> find(UUID personId) {
    var person = register.find(personId);
    if (person.isPresent()) {
      var p = person.get();
      return Optional.of(
          new Who(
              p.id(), p.maskedName(), p.document().type().name(), p.maskedDocumentNumber(), false));
    }
    return jdbc.sql("SELECT name FROM provisional_person WHERE id = ?")
        .param(personId)
        .query(String.class)
        .optional()
        .map(name -> new Who(personId, Masking.name(name), NO_DOCUMENT, "-", true));
  }
}
