package org.suishen.audit.internal;

import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.shared.problem.SuishenException;

/**
 * Searches the audit trail, newest first, with keyset pagination on the id (never OFFSET: the table
 * holds billions of rows). Narrow searches use the (subject, id) index or the BRIN time index; a
 * search that would scan too much is stopped after the configured timeout and the auditor is asked
 * to narrow it ({@code audit.search.too-broad}) rather than loading the database.
 */
@Component
public class AuditSearch {

  private static final String QUERY_CANCELED = "57014";

  private final JdbcClient jdbc;
  private final TransactionTemplate readOnly;
  private final AuditProperties properties;

  AuditSearch(
      JdbcClient jdbc, PlatformTransactionManager transactionManager, AuditProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public AuditPage search(AuditQuery query) {
    var where = new StringBuilder(" WHERE TRUE");
    List<Object> params = new ArrayList<>();
    if (query.subject() != null) {
      where.append(" AND subject = ?");
      params.add(query.subject());
    }
    if (query.actor() != null) {
      where.append(" AND actor = ?");
      params.add(query.actor());
    }
    String prefix = query.actionPrefixPattern();
    if (prefix != null) {
      where.append(" AND action LIKE ?");
      params.add(prefix);
    } else if (query.action() != null) {
      where.append(" AND action = ?");
      params.add(query.action());
    }
    if (query.from() != null) {
      where.append(" AND occurred_at >= ?");
      params.add(query.from().atOffset(ZoneOffset.UTC));
    }
    if (query.to() != null) {
      where.append(" AND occurred_at < ?");
      params.add(query.to().atOffset(ZoneOffset.UTC));
    }
    if (query.before() != null) {
      where.append(" AND id < ?");
      params.add(query.before());
    }
    int size = properties.pageSize();
    params.add(size + 1);
    String sql =
        "SELECT " + AuditRows.COLUMNS + " FROM audit_event" + where + " ORDER BY id DESC LIMIT ?";
    try {
      List<AuditEntry> rows =
          readOnly.execute(
              status -> {
                jdbc.sql("SELECT set_config('statement_timeout', ?, true)")
                    .param(properties.searchTimeout().toMillis() + "ms")
                    .query(String.class)
                    .single();
                return jdbc.sql(sql).params(params).query(AuditRows::entry).list();
              });
      if (rows == null) {
        rows = List.of();
      }
      if (rows.size() > size) {
        List<AuditEntry> page = List.copyOf(rows.subList(0, size));
        return new AuditPage(page, Long.toString(page.getLast().id()));
      }
      return new AuditPage(List.copyOf(rows), null);
    } catch (DataAccessException e) {
      if (canceled(e)) {
        throw SuishenException.badInput("audit.search.too-broad");
      }
      throw e;
    }
  }

  /** One entry by its id (the data tracker's reference), or empty. */
  public java.util.Optional<AuditEntry> byId(long id) {
    return jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE id = ?")
        .param(id)
        .query(AuditRows::entry)
        .optional();
  }

  private static boolean canceled(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
