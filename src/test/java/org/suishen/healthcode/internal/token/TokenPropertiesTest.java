package org.suishen.healthcode.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.ScanReason;
import org.suishen.status.Colour;

class TokenPropertiesTest {

  private final SigningKey key = TestKeys.key(4242, KeyStatus.ACTIVE);
  private final TokenVerifier server =
      new TokenVerifier(TestKeys.ring(key), Duration.ofSeconds(30));
  private final Map<Integer, byte[]> published = Map.of(key.keyId(), key.publicKey());

  @Provide
  Arbitrary<TokenPayload> payloads() {
    Arbitrary<CodeType> types = Arbitraries.of(CodeType.class);
    Arbitrary<Colour> colours = Arbitraries.of(Colour.class).injectNull(0.2);
    Arbitrary<Integer> keyIds = Arbitraries.integers().between(1, 0xffff);
    Arbitrary<UUID> refs = Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()));
    Arbitrary<Long> seconds = Arbitraries.longs().between(0, 0xffff_ffffL);
    return Combinators.combine(types, colours, keyIds, refs, refs, seconds, seconds)
        .as(
            (type, colour, keyId, ref, holder, issued, expires) ->
                new TokenPayload(
                    TokenCodec.VERSION,
                    type,
                    colour,
                    keyId,
                    ref,
                    type.namesHolder() ? holder : null,
                    Instant.ofEpochSecond(issued),
                    Instant.ofEpochSecond(expires)));
  }

  @Property
  void everyPayloadSurvivesTheRoundTrip(@ForAll("payloads") TokenPayload payload) {
    var signer = withId(payload.keyId());
    String text = TokenIssuer.encode(payload, signer);

    assertThat(TokenCodec.read(text).payload()).isEqualTo(payload);
    assertThat(OfflineVerification.verify(text, Map.of(signer.keyId(), signer.publicKey())))
        .isEqualTo(payload);
  }

  @Provide
  Arbitrary<String> liveTokens() {
    return payloads()
        .map(
            p ->
                new TokenPayload(
                    p.version(),
                    p.type(),
                    p.colour(),
                    key.keyId(),
                    p.personRef(),
                    p.holderRef(),
                    Instant.ofEpochSecond(1_800_000_000L),
                    Instant.ofEpochSecond(1_800_000_060L)))
        .map(p -> TokenIssuer.encode(p, key));
  }

  @Property
  void anySingleByteChangeIsRejectedByTheServer(
      @ForAll("liveTokens") String text,
      @ForAll @IntRange(min = 0, max = 1000) int where,
      @ForAll @IntRange(min = 1, max = 255) int flip) {
    Instant now = Instant.ofEpochSecond(1_800_000_030L);
    assertThat(server.verify(text, now).reason()).isEqualTo(ScanReason.OK);
    byte[] bytes = Base45.decode(text, TokenCodec.PREFIX.length());
    int index = where % bytes.length;
    bytes[index] ^= (byte) flip;
    String altered = TokenCodec.PREFIX + Base45.encode(bytes);

    assertThat(server.verify(altered, now).reason()).isNotEqualTo(ScanReason.OK);
    int signedLength = bytes.length - TokenCodec.TAG_LENGTH;
    if (index < signedLength) {
      assertThat(OfflineVerification.verify(altered, published)).isNull();
    }
  }

  @Property
  void anySingleCharacterChangeIsRejectedByTheServer(
      @ForAll("liveTokens") String text,
      @ForAll @IntRange(min = 0, max = 1000) int where,
      @ForAll @IntRange(min = 0, max = 0xffff) char replacement) {
    Instant now = Instant.ofEpochSecond(1_800_000_030L);
    int index = where % text.length();
    if (text.charAt(index) == replacement) {
      return;
    }
    String altered = text.substring(0, index) + replacement + text.substring(index + 1);
    assertThat(server.verify(altered, now).reason()).isNotEqualTo(ScanReason.OK);
  }

  @Property
  void garbageIsRejectedByTheCodecAndNeverBreaksTheServer(@ForAll String garbage) {
    Throwable thrown = catchThrowable(() -> TokenCodec.read(garbage));
    assertThat(thrown).isInstanceOf(MalformedToken.class);
    assertThat(server.verify(garbage, Instant.EPOCH).reason()).isEqualTo(ScanReason.MALFORMED);
  }

  @Property
  void wellEncodedGarbageIsEitherReadOrRejectedByTheCodecAndNeverAccepted(
      @ForAll("base45Garbage") String garbage) {
    Throwable thrown = catchThrowable(() -> TokenCodec.read(garbage));
    assertThat(thrown)
        .satisfiesAnyOf(
            t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(MalformedToken.class));
    assertThat(server.verify(garbage, Instant.EPOCH).reason()).isNotEqualTo(ScanReason.OK);
  }

  /** Random bytes, many of them shaped like a token (version 1, a known type, the right length). */
  @Provide
  Arbitrary<String> base45Garbage() {
    Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<byte[]> tokenShaped =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.bytes().array(byte[].class).ofSize(125),
                Arbitraries.of(key.keyId(), 1, 0))
            .as(
                (type, random, keyId) -> {
                  int length =
                      TokenCodec.payloadLength(CodeType.ofWireId(type))
                          + TokenCodec.SIGNATURE_LENGTH
                          + TokenCodec.TAG_LENGTH;
                  byte[] bytes = java.util.Arrays.copyOf(random, length);
                  bytes[0] = 1;
                  bytes[1] = (byte) (int) type;
                  bytes[3] = (byte) (keyId >> 8);
                  bytes[4] = (byte) (int) keyId;
                  return bytes;
                });
    return Arbitraries.oneOf(anyBytes, tokenShaped).map(b -> TokenCodec.PREFIX + Base45.encode(b));
  }

  private SigningKey withId(int keyId) {
    return new SigningKey(
        keyId,
        KeyStatus.ACTIVE,
        key.privateKey(),
        key.publicKey(),
        key.hmacSecret(),
        key.createdAt(),
        key.activatedAt(),
        null,
        null);
  }
}
