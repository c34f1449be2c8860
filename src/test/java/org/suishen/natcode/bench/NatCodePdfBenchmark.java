package org.suishen.natcode.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.internal.token.KeyRing;
import org.suishen.healthcode.internal.token.KeyStatus;
import org.suishen.healthcode.internal.token.SigningKey;
import org.suishen.healthcode.internal.token.TokenCrypto;
import org.suishen.healthcode.internal.token.TokenIssuer;
import org.suishen.natcode.internal.NatCode;
import org.suishen.natcode.internal.NatCodeProperties;
import org.suishen.natcode.internal.NatCodeSheets;
import org.suishen.natcode.internal.NatCredential;
import org.suishen.natcode.internal.SheetSize;
import org.suishen.shared.security.Role;

/**
 * How long the printable NAT code takes to render (one PDF with the QR image, the masked name and
 * the expiry), for an A4 page and a card, and with a cold renderer (font loaded) as well. Run:
 * {@code bench/natcode-issuance} (see docs/natcode.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class NatCodePdfBenchmark {

  private NatCodeProperties properties;
  private Clock clock;
  private NatCodeSheets sheets;
  private NatCode code;

  @Setup
  public void setUp() {
    properties =
        new NatCodeProperties(
            Duration.ofDays(30),
            Set.of(Role.SAMPLER),
            new NatCodeProperties.Feed(16, 1000, Duration.ofSeconds(30)),
            new NatCodeProperties.Pdf(""));
    clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    sheets = new NatCodeSheets(properties, clock);
    var privateKey = TokenCrypto.newPrivateKey(new SecureRandom());
    var key =
        new SigningKey(
            1,
            KeyStatus.ACTIVE,
            privateKey,
            privateKey.generatePublicKey().getEncoded(),
            new byte[32],
            Instant.now(),
            Instant.now(),
            null,
            null);
    Instant now = Instant.now();
    UUID credentialId = UUID.randomUUID();
    String token =
        new TokenIssuer(new KeyRing(List.of(key)))
            .issue(CodeType.NAT, null, credentialId, null, now, now.plus(Duration.ofDays(30)))
            .text();
    code =
        new NatCode(
            new NatCredential(
                credentialId,
                UUID.randomUUID(),
                now,
                now.plus(Duration.ofDays(30)),
                null,
                1,
                "刘*轩",
                "3101**********1234"),
            token);
  }

  @Benchmark
  public byte[] a4() {
    return sheets.render(code, SheetSize.A4);
  }

  @Benchmark
  public byte[] card() {
    return sheets.render(code, SheetSize.CARD);
  }

  /** A renderer made for this one sheet (font and character maps loaded again). */
  @Benchmark
  public byte[] a4WithNewRenderer() {
    return new NatCodeSheets(properties, clock).render(code, SheetSize.A4);
  }

  /** Arguments (optional): warm-up iterations, measurement iterations, seconds per iteration. */
  public static void main(String[] args) throws Exception {
    org.suishen.support.BriefJmh.run(NatCodePdfBenchmark.class, args);
  }
}
