package org.suishen.personsearch.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.citizen.CitizenPhones;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.status.HealthStatuses;

/**
 * Staff find a person by document or phone. Every search is audited with the searcher's reason,
 * whether it found someone or not (a search that finds nobody still says who tried which kind of
 * number), and answers the same shape either way: a list of at most one person, empty when nobody
 * matches, so that the answer reveals no more than "this number belongs to nobody registered".
 */
@Service
public class PersonSearch {

  static final String AUDIT_ACTION = "personsearch.person.searched";

  private final SearchPolicy policy;
  private final PopulationRegister register;
  private final CitizenPhones phones;
  private final HealthStatuses statuses;
  private final AuditTrail audit;
  private final Clock clock;

  PersonSearch(
      PersonSearchProperties properties,
      PopulationRegister register,
      CitizenPhones phones,
      HealthStatuses statuses,
      AuditTrail audit,
      Clock clock) {
    this.policy = new SearchPolicy(properties);
    this.register = register;
    this.phones = phones;
    this.statuses = statuses;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public List<FoundPerson> search(SearchRequest request, Searcher searcher) {
    String reason = policy.reason(request.reason());
    LocalDate today = LocalDate.now(clock);
    Criterion criterion = policy.criterion(request, searcher, today);
    Optional<Person> found =
        switch (criterion) {
          case Criterion.ByDocument d -> register.findByDocument(d.document());
          case Criterion.ByPhone p ->
              phones.registeredPersonWith(p.phone()).flatMap(register::find);
        };
    UUID subject = found.map(Person::id).orElse(null);
    audit.record(
        new AuditEvent(
            searcher.actor(),
            AUDIT_ACTION,
            subject,
            reason,
            "by=" + criterion.kind() + " found=" + (subject == null ? 0 : 1)));
    return found.map(person -> view(person, searcher, today)).stream().toList();
  }

  private FoundPerson view(Person person, Searcher searcher, LocalDate today) {
    return new FoundPerson(
        person.id(),
        person.maskedName(),
        person.document().type(),
        person.maskedDocumentNumber(),
        person.birthDate().getYear(),
        person.ageOn(today),
        searcher.healthAuthority() ? statuses.current(person.id()).colour() : null);
  }
}
