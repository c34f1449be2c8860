package org.suishen.healthcode.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
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
import org.suishen.healthcode.internal.token.TokenCodec;
import org.suishen.healthcode.internal.token.TokenCrypto;
import org.suishen.healthcode.internal.token.TokenIssuer;
import org.suishen.healthcode.internal.token.TokenVerifier;
import org.suishen.status.Colour;

/**
 * Compares the signature schemes a health-code token could use, and the full issue and server
 * verify paths of the chosen one (Ed25519 via BouncyCastle for offline verifiers + a truncated
 * HMAC-SHA256 tag the server checks). Run: {@code bench/token-schemes} (see docs/healthcode.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TokenSchemeBenchmark {

  private byte[] payload;
  private Ed25519PrivateKeyParameters bcKey;
  private byte[] bcPublic;
  private byte[] bcSignature;
  private KeyPair jdkKeys;
  private byte[] jdkSignature;
  private byte[] hmacSecret;
  private byte[] taggedBytes;
  private byte[] tag;
  private TokenIssuer issuer;
  private TokenVerifier verifier;
  private String token;
  private UUID personRef;
  private Instant now;

  @Setup
  public void setUp() throws Exception {
    var random = new SecureRandom();
    bcKey = TokenCrypto.newPrivateKey(random);
    bcPublic = bcKey.generatePublicKey().getEncoded();
    hmacSecret = new byte[32];
    random.nextBytes(hmacSecret);
    var key =
        new SigningKey(
            1,
            KeyStatus.ACTIVE,
            bcKey,
            bcPublic,
            hmacSecret,
            Instant.EPOCH,
            Instant.EPOCH,
            null,
            null);
    var ring = new KeyRing(List.of(key));
    issuer = new TokenIssuer(ring);
    verifier = new TokenVerifier(ring, Duration.ofSeconds(30));
    now = Instant.now();
    personRef = UUID.randomUUID();
    var issued =
        issuer.issue(CodeType.LIVE, Colour.GREEN, personRef, null, now, now.plusSeconds(60));
    token = issued.text();
    payload = TokenCodec.payloadBytes(issued.payload());
    bcSignature = TokenCrypto.sign(bcKey, payload);
    var raw = TokenCodec.read(token);
    taggedBytes = java.util.Arrays.copyOf(raw.bytes(), raw.taggedLength());
    tag = raw.tag();

    jdkKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    var signer = Signature.getInstance("Ed25519");
    signer.initSign(jdkKeys.getPrivate());
    signer.update(payload);
    jdkSignature = signer.sign();
  }

  @Benchmark
  public byte[] bcEd25519Sign() {
    return TokenCrypto.sign(bcKey, payload);
  }

  @Benchmark
  public boolean bcEd25519Verify() {
    return TokenCrypto.signatureValid(bcPublic, payload, bcSignature);
  }

  @Benchmark
  public byte[] jdkEd25519Sign() throws Exception {
    var signer = Signature.getInstance("Ed25519");
    signer.initSign(jdkKeys.getPrivate());
    signer.update(payload);
    return signer.sign();
  }

  @Benchmark
  public boolean jdkEd25519Verify() throws Exception {
    var verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(jdkKeys.getPublic());
    verifier.update(payload);
    return verifier.verify(jdkSignature);
  }

  @Benchmark
  public byte[] hmacTag() {
    return TokenCrypto.tag(hmacSecret, taggedBytes, taggedBytes.length);
  }

  @Benchmark
  public boolean hmacVerify() {
    return java.security.MessageDigest.isEqual(
        TokenCrypto.tag(hmacSecret, taggedBytes, taggedBytes.length), tag);
  }

  /** Build payload, Ed25519 sign, HMAC tag, Base45 encode. */
  @Benchmark
  public String tokenIssue() {
    return issuer
        .issue(CodeType.LIVE, Colour.GREEN, personRef, null, now, now.plusSeconds(60))
        .text();
  }

  /** Base45 decode, parse, key lookup, HMAC check, validity window (what POST /api/scan does). */
  @Benchmark
  public Object serverVerify() {
    return verifier.verify(token, now);
  }

  /** What an offline terminal does: Base45 decode, parse, Ed25519 verify. */
  @Benchmark
  public Object offlineVerify() {
    return org.suishen.healthcode.internal.token.OfflineVerification.verify(
        token, java.util.Map.of(1, bcPublic));
  }

  /**
   * Runs the benchmark briefly. Arguments (optional): warm-up iterations, measurement iterations,
   * seconds per iteration.
   */
  public static void main(String[] args) throws Exception {
    org.suishen.support.BriefJmh.run(TokenSchemeBenchmark.class, args);
  }
}
