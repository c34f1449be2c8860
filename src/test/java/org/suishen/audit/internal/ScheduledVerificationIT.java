package org.suishen.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.audit.AnchoredHead;
import org.suishen.audit.AuditTrail;
import org.suishen.audit.internal.ChainCheckpoint.Status;
import org.suishen.audit.internal.ChainReport.Problem;
import org.suishen.audit.internal.ScheduledVerification.Run;
import org.suishen.support.IntegrationTest;

/** The scheduled verification, run directly (the schedule itself is off in the test profile). */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ScheduledVerificationIT {

  @Autowired AuditTrail trail;
  @Autowired AuditSealer sealer;
  @Autowired ScheduledVerification verification;
  @Autowired ChainCheckpoints checkpoints;
  @Autowired AuditChainHealthIndicator health;
  @Autowired AnchorProperties anchorProperties;
  @Autowired ChainAnchoring anchoring;
  @Autowired MeterRegistry meters;
  @Autowired java.time.Clock clock;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void anIntactVerifiedChain() {
    sealer.seal(true);
    Run run = verification.run(true);
    assertThat(run.ran()).isTrue();
    assertThat(run.latest()).isNotNull();
    assertThat(run.latest().broken()).as("the chain the tests start from holds").isFalse();
  }

  private List<AuditEntry> recordAndSeal(String action, UUID person, int count) {
    return new AuditChainFixtures(trail, sealer, jdbc).recordAndSeal(action, person, count);
  }

  private static String uniqueAction() {
    return AuditChainFixtures.uniqueAction("test.scheduled.");
  }

  private void bypassingTheTrigger(Runnable change) {
    new AuditChainFixtures(trail, sealer, jdbc).bypassingTheTrigger(change);
  }

  private byte[] storedHash(long seq) {
    return jdbc.sql("SELECT hash FROM audit_event WHERE chain_seq = ?")
        .param(seq)
        .query((rs, row) -> rs.getBytes(1))
        .single();
  }

  private double gauge(String name) {
    return meters.get(name).gauge().value();
  }

  private double breaks() {
    return meters.get("suishen.audit.chain.breaks").counter().count();
  }

  private int actuatorHealthStatus() throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void checkpointsAdvanceAsEntriesAreAddedVerifyingOnlyTheNewOnes() {
    long start = checkpoints.latestVerified().orElseThrow().seq();
    List<AuditEntry> first = recordAndSeal(uniqueAction(), UUID.randomUUID(), 4);

    ChainCheckpoint one = verification.run(true).latest();
    assertThat(one.status()).isEqualTo(Status.VERIFIED);
    assertThat(one.seq()).isGreaterThanOrEqualTo(first.getLast().chainSeq());
    assertThat(one.entries())
        .as("only the entries after the checkpoint")
        .isEqualTo(one.seq() - start);
    assertThat(one.hash()).isEqualTo(storedHash(one.seq()));
    assertThat(gauge("suishen.audit.chain.verified.sequence")).isEqualTo(one.seq());
    assertThat(gauge("suishen.audit.chain.broken")).isZero();
    assertThat(health.health().getStatus())
        .isEqualTo(org.springframework.boot.health.contributor.Status.UP);

    List<AuditEntry> second = recordAndSeal(uniqueAction(), UUID.randomUUID(), 3);
    ChainCheckpoint two = verification.run(true).latest();
    assertThat(two.seq()).isGreaterThanOrEqualTo(second.getLast().chainSeq());
    assertThat(two.entries()).isEqualTo(two.seq() - one.seq());
    assertThat(two.id()).isGreaterThan(one.id());
    assertThat(gauge("suishen.audit.chain.verified.sequence")).isEqualTo(two.seq());
    // a stalled job shows as an old completion time, also while nothing new is audited
    double completed = gauge("suishen.audit.chain.last.verification");
    assertThat(completed).isPositive();
    assertThat((long) completed).isCloseTo(clock.instant().getEpochSecond(), within(1L));
  }

  @Test
  void aTamperedRowIsFoundByTheNextRunAndClearsOnceRestored(CapturedOutput output)
      throws Exception {
    UUID person = UUID.randomUUID();
    List<AuditEntry> sealed = recordAndSeal(uniqueAction(), person, 3);
    AuditEntry victim = sealed.get(1);
    double breaksBefore = breaks();
    bypassingTheTrigger(
        () ->
            jdbc.sql("UPDATE audit_event SET reason = 'nothing to see' WHERE id = ?")
                .param(victim.id())
                .update());
    try {
      Run run = verification.run(true);
      ChainCheckpoint latest = run.latest();
      assertThat(latest.status()).isEqualTo(Status.BROKEN);
      assertThat(latest.brokenSeq()).isEqualTo(victim.chainSeq());
      assertThat(latest.brokenId()).isEqualTo(victim.id());
      assertThat(latest.problem()).isEqualTo(Problem.TAMPERED);
      assertThat(latest.seq()).as("last good position").isEqualTo(victim.chainSeq() - 1);
      assertThat(run.anchored()).as("a broken chain is not anchored").isNull();

      var down = health.health();
      assertThat(down.getStatus())
          .isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
      assertThat(down.getDetails())
          .containsEntry("brokenAt", victim.chainSeq())
          .containsEntry("problem", "TAMPERED");
      assertThat(actuatorHealthStatus()).isEqualTo(503);
      assertThat(gauge("suishen.audit.chain.broken")).isEqualTo(1);
      assertThat(breaks()).isEqualTo(breaksBefore + 1);

      assertThat(output.getOut())
          .contains("AUDIT CHAIN BROKEN at chain position " + victim.chainSeq())
          .contains("entry id " + victim.id())
          .doesNotContain("nothing to see")
          .doesNotContain(person.toString());

      // still broken at the next run: the same break, counted once
      assertThat(verification.run(true).latest().brokenSeq()).isEqualTo(victim.chainSeq());
      assertThat(breaks()).isEqualTo(breaksBefore + 1);
    } finally {
      bypassingTheTrigger(
          () ->
              jdbc.sql("UPDATE audit_event SET reason = ? WHERE id = ?")
                  .param(victim.reason())
                  .param(victim.id())
                  .update());
    }
    ChainCheckpoint restored = verification.run(true).latest();
    assertThat(restored.status()).isEqualTo(Status.VERIFIED);
    assertThat(restored.seq()).isGreaterThanOrEqualTo(sealed.getLast().chainSeq());
    assertThat(health.health().getStatus())
        .isEqualTo(org.springframework.boot.health.contributor.Status.UP);
    assertThat(gauge("suishen.audit.chain.broken")).isZero();
    assertThat(
            checkpoints.list(null, false, 10).stream()
                .filter(c -> c.broken() && victim.chainSeq().equals(c.brokenSeq())))
        .as("the break stays in the history")
        .isNotEmpty();
  }

  @Test
  void historyRewrittenBeforeTheCheckpointIsFoundByTheCheckpointsHash() {
    ChainCheckpoint checkpoint = checkpoints.latestVerified().orElseThrow();
    byte[] original = storedHash(checkpoint.seq());
    byte[] forged = original.clone();
    forged[0] ^= 1;
    bypassingTheTrigger(
        () ->
            jdbc.sql("UPDATE audit_event SET hash = ? WHERE chain_seq = ?")
                .param(forged)
                .param(checkpoint.seq())
                .update());
    try {
      ChainCheckpoint latest = verification.run(true).latest();
      assertThat(latest.status()).isEqualTo(Status.BROKEN);
      assertThat(latest.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
      assertThat(latest.brokenSeq()).isEqualTo(checkpoint.seq());
      assertThat(health.health().getStatus())
          .isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
    } finally {
      bypassingTheTrigger(
          () ->
              jdbc.sql("UPDATE audit_event SET hash = ? WHERE chain_seq = ?")
                  .param(original)
                  .param(checkpoint.seq())
                  .update());
    }
    assertThat(verification.run(true).latest().status()).isEqualTo(Status.VERIFIED);
  }

  @Test
  void eachNewVerifiedHeadIsAppendedToTheAnchorFile() throws IOException {
    recordAndSeal(uniqueAction(), UUID.randomUUID(), 2);
    Run run = verification.run(true);
    ChainCheckpoint latest = run.latest();
    AnchoredHead expected = AnchoredHead.of(latest.seq(), latest.hash(), latest.verifiedAt());
    assertThat(run.anchored()).isEqualTo(expected);
    assertThat(latest.anchoredAt()).isNotNull();
    assertThat(latest.anchoredTo()).isEqualTo("file:" + anchorProperties.file().toAbsolutePath());
    List<String> lines = Files.readAllLines(anchorProperties.file());
    assertThat(lines.getLast()).isEqualTo(expected.line());
    assertThat(AnchoredHead.parse(lines.getLast())).isEqualTo(expected);
    assertThat(gauge("suishen.audit.chain.anchored.sequence")).isEqualTo(latest.seq());

    // an anchored head is not published twice
    assertThat(anchoring.anchorIfDue(true)).isNull();
    assertThat(Files.readAllLines(anchorProperties.file())).hasSize(lines.size());
  }
}
