package org.suishen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.accounts.StaffClient;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class BootstrapAdministratorIT {

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired BootstrapAdministrator bootstrap;
  @Autowired AccountAdministration administration;
  @Autowired TransactionTemplate transactions;

  @Test
  void theConfiguredFirstAdministratorExistsAndCanLogIn() {
    var me =
        new StaffClient(port, json)
            .get("/api/accounts/me", StaffClient.ADMIN, StaffClient.ADMIN_PASSWORD);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("roles").valueStream().map(r -> r.asString()))
        .containsExactly("ADMINISTRATOR");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'accounts.admin.bootstrapped'"
                        + " AND actor = 'system:accounts-bootstrap' AND detail LIKE '%generated=false'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void onceAnAdministratorExistsNothingIsCreatedAgain() {
    long before = jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
    assertThat(bootstrap.createIfNoAdministrator()).isFalse();
    assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void theLastEnabledAdministratorCannotBeDisabled() {
    UUID admin =
        jdbc.sql("SELECT id FROM account WHERE login = ?")
            .param(StaffClient.ADMIN)
            .query(UUID.class)
            .single();
    // within one transaction that is rolled back: leave the test administrator as the only one
    transactions.executeWithoutResult(
        status -> {
          status.setRollbackOnly();
          jdbc.sql(
                  "UPDATE account SET enabled = FALSE WHERE roles @> ARRAY['ADMINISTRATOR']"
                      + " AND login <> ?")
              .param(StaffClient.ADMIN)
              .update();
          assertThatThrownBy(() -> administration.disable(admin, Actor.staff("someone.else")))
              .isInstanceOfSatisfying(
                  SuishenException.class,
                  e -> assertThat(e.code()).isEqualTo("accounts.admin.last"));
        });
    assertThat(
            jdbc.sql("SELECT enabled FROM account WHERE id = ?")
                .param(admin)
                .query(Boolean.class)
                .single())
        .isTrue();
  }
}
