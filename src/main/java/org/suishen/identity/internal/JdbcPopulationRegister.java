package org.suishen.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.identity.Sex;

@Repository
class JdbcPopulationRegister implements PopulationRegister {

  private static final String COLUMNS =
      "id, document_type, document_number, name, sex, birth_date, household_id, district, photo_file,"
          + " disability_certificate";

  private final JdbcClient jdbc;
  private final RegisterCache cache;

  JdbcPopulationRegister(JdbcClient jdbc, RegisterCache cache) {
    this.jdbc = jdbc;
    this.cache = cache;
  }

  /** From this node's copy where it may answer (the code display reads it at every refresh). */
  @Override
  public Optional<Person> find(UUID personId) {
    return cache.find(
        personId,
        id ->
            jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE id = ?")
                .param(id)
                .query(JdbcPopulationRegister::person)
                .optional());
  }

  @Override
  public Optional<Person> findByDocument(IdentityDocument document) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM person WHERE document_type = ? AND document_number = ?")
        .param(document.type().name())
        .param(document.number())
        .query(JdbcPopulationRegister::person)
        .optional();
  }

  @Override
  public java.util.Map<UUID, Person> findAll(java.util.Collection<UUID> personIds) {
    var found = new java.util.HashMap<UUID, Person>();
    if (personIds.isEmpty()) {
      return found;
    }
    jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE id = ANY(?::uuid[])")
        .param(personIds.stream().map(UUID::toString).toArray(String[]::new))
        .query(JdbcPopulationRegister::person)
        .list()
        .forEach(p -> found.put(p.id(), p));
    return found;
  }

  @Override
  public List<Person> householdOf(UUID personId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM person WHERE household_id = (SELECT household_id FROM person WHERE id = ?)"
                + " ORDER BY birth_date")
        .param(personId)
        .query(JdbcPopulationRegister::person)
        .list();
  }

  static Person person(ResultSet rs, int row) throws SQLException {
    return new Person(
        rs.getObject("id", UUID.class),
        new IdentityDocument(
            DocumentType.valueOf(rs.getString("document_type")), rs.getString("document_number")),
        rs.getString("name"),
        "M".equals(rs.getString("sex")) ? Sex.MALE : Sex.FEMALE,
        rs.getObject("birth_date", java.time.LocalDate.class),
        rs.getString("household_id"),
        rs.getString("district"),
        rs.getString("photo_file"),
        rs.getBoolean("disability_certificate"));
  }
}
