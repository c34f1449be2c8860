package org.suishen.declaration.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.declaration.DeclaredBy;
import org.suishen.declaration.HealthDeclaration;
import org.suishen.declaration.HealthDeclarations;
import org.suishen.declaration.RegionVisit;
import org.suishen.declaration.Symptom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Table {@code health_declaration}: append-only (a trigger refuses UPDATE and DELETE), one index on
 * (person, time) that serves both the latest declaration and the history. A guardian's declaration
 * names the holder and the binding (V4_2).
 */
@Repository
class JdbcHealthDeclarations implements HealthDeclarations {

  private static final String COLUMNS =
      "id, person_id, declared_at, symptoms, temperature, region_visits, contact_with_cases,"
          + " arriving_from_other_region, declared_by_holder_id, declared_by_binding_id";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final DeclarationCache cache;

  JdbcHealthDeclarations(JdbcClient jdbc, JsonMapper json, DeclarationCache cache) {
    this.jdbc = jdbc;
    this.json = json;
    this.cache = cache;
  }

  @Override
  public Optional<HealthDeclaration> latest(UUID personId) {
    // from this node's copy where it may answer (the code display asks at every refresh)
    return cache.find(personId, id -> history(id, 1).stream().findFirst());
  }

  @Override
  public boolean hasDeclared(UUID personId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM health_declaration WHERE person_id = ?)")
        .param(personId)
        .query(Boolean.class)
        .single();
  }

  @Override
  public List<HealthDeclaration> history(UUID personId, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM health_declaration WHERE person_id = ?"
                + " ORDER BY declared_at DESC, id LIMIT ?")
        .param(personId)
        .param(Math.max(1, limit))
        .query(this::declaration)
        .list();
  }

  void append(HealthDeclaration d) {
    List<Map<String, String>> visits = new ArrayList<>();
    for (RegionVisit v : d.regionVisits()) {
      var visit = new LinkedHashMap<String, String>();
      visit.put("regionCode", v.regionCode());
      visit.put("arrivedOn", v.arrivedOn().toString());
      visits.add(visit);
    }
    jdbc.sql(
            "INSERT INTO health_declaration ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)")
        .param(d.id())
        .param(d.personId())
        .param(d.declaredAt().atOffset(ZoneOffset.UTC))
        .param(d.symptoms().stream().map(Enum::name).sorted().toArray(String[]::new))
        .param(d.temperature())
        .param(json.writeValueAsString(visits))
        .param(d.contactWithCases())
        .param(d.arrivingFromOtherRegion())
        .param(d.declaredBy() == null ? null : d.declaredBy().holderPersonId())
        .param(d.declaredBy() == null ? null : d.declaredBy().bindingId())
        .update();
    cache.changed(List.of(d.personId()));
  }

  private HealthDeclaration declaration(ResultSet rs, int row) throws SQLException {
    Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
    Array array = rs.getArray("symptoms");
    if (array != null) {
      for (Object name : (Object[]) array.getArray()) {
        symptoms.add(Symptom.valueOf((String) name));
      }
    }
    List<RegionVisit> visits = new ArrayList<>();
    for (JsonNode visit : json.readTree(rs.getString("region_visits"))) {
      visits.add(
          new RegionVisit(
              visit.get("regionCode").asString(),
              LocalDate.parse(visit.get("arrivedOn").asString())));
    }
    BigDecimal temperature = rs.getBigDecimal("temperature");
    UUID holder = rs.getObject("declared_by_holder_id", UUID.class);
    return new HealthDeclaration(
        rs.getObject("id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getObject("declared_at", OffsetDateTime.class).toInstant(),
        symptoms,
        temperature,
        visits,
        rs.getBoolean("contact_with_cases"),
        rs.getBoolean("arriving_from_other_region"),
        holder == null
            ? null
            : new DeclaredBy(holder, rs.getObject("declared_by_binding_id", UUID.class)));
  }
}
