package org.suishen.appeals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.appeals.internal.Refusals.badInput;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.suishen.appeals.AppealsFixtures;

class EvidencePolicyTest {

  final EvidencePolicy policy = new EvidencePolicy(5, 1024);

  static EvidenceUpload upload(String name, byte[] content) {
    return new EvidenceUpload(name, content.length, () -> content);
  }

  @Test
  void recognisesImagesAndPdfByTheirFirstBytes() {
    assertThat(EvidenceType.detect(AppealsFixtures.JPEG)).contains(EvidenceType.JPEG);
    assertThat(EvidenceType.detect(AppealsFixtures.PNG)).contains(EvidenceType.PNG);
    assertThat(EvidenceType.detect(AppealsFixtures.PDF)).contains(EvidenceType.PDF);
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(EvidenceType.detect(webp)).contains(EvidenceType.WEBP);
  }

  @Test
  void refusesEverythingElseWhateverItsName() {
    assertThat(EvidenceType.detect("<svg xmlns=...>".getBytes())).isEmpty();
    assertThat(EvidenceType.detect("MZ\u0090\0".getBytes())).isEmpty();
    assertThat(EvidenceType.detect("RIFF\0\0\0\0WAVE".getBytes())).isEmpty();
    assertThat(EvidenceType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    assertThat(EvidenceType.detect(new byte[0])).isEmpty();
    badInput(
        () -> policy.check(List.of(upload("photo.jpg", "not a photo".getBytes()))),
        "appeals.evidence.type");
  }

  @Test
  void acceptsUpToTheConfiguredNumberOfFiles() {
    var five = Collections.nCopies(5, upload("a.png", AppealsFixtures.PNG));
    assertThat(policy.check(five)).hasSize(5);
    var six = Collections.nCopies(6, upload("a.png", AppealsFixtures.PNG));
    badInput(() -> policy.check(six), "appeals.evidence.too-many");
    assertThat(policy.check(List.of())).isEmpty();
  }

  @Test
  void refusesAFileOverTheSizeLimitBeforeReadingAnything() {
    var reads = new AtomicInteger();
    var small =
        new EvidenceUpload(
            "a.png",
            64,
            () -> {
              reads.incrementAndGet();
              return AppealsFixtures.PNG;
            });
    var large =
        new EvidenceUpload(
            "b.png",
            1025,
            () -> {
              reads.incrementAndGet();
              return new byte[1025];
            });
    badInput(() -> policy.check(List.of(small, large)), "appeals.evidence.too-large");
    assertThat(reads).hasValue(0);
    byte[] exactly = AppealsFixtures.withMagic(AppealsFixtures.PNG, 1024);
    assertThat(policy.check(List.of(upload("c.png", exactly)))).hasSize(1);
  }

  @Test
  void refusesAContentLargerThanDeclared() {
    var lying =
        new EvidenceUpload("a.png", 10, () -> AppealsFixtures.withMagic(AppealsFixtures.PNG, 2048));
    badInput(() -> policy.check(List.of(lying)), "appeals.evidence.too-large");
  }

  @Test
  void refusesAnEmptyFile() {
    badInput(() -> policy.check(List.of(upload("a.png", new byte[0]))), "appeals.evidence.empty");
  }

  @Test
  void keepsACleanDisplayNameAndTheRecognisedType() {
    var accepted =
        policy.check(
            List.of(
                upload("C:\\Users\\me\\出院小结.pdf", AppealsFixtures.PDF),
                upload("../../etc/\u202Epasswd\u0007.png", AppealsFixtures.PNG),
                upload("  ", AppealsFixtures.JPEG)));
    assertThat(accepted)
        .extracting(Evidence::fileName)
        .containsExactly("出院小结.pdf", "passwd.png", "evidence-3.jpg");
    assertThat(accepted)
        .extracting(Evidence::type)
        .containsExactly(EvidenceType.PDF, EvidenceType.PNG, EvidenceType.JPEG);
    assertThat(EvidencePolicy.cleanName("x".repeat(300), 0, EvidenceType.PNG)).hasSize(100);
  }

  @Test
  void aRefusalNamesTheFile() {
    try {
      policy.check(
          List.of(upload("a.png", AppealsFixtures.PNG), upload("病历.docx", "PK..".getBytes())));
    } catch (org.suishen.shared.problem.SuishenException e) {
      assertThat(e.code()).isEqualTo("appeals.evidence.type");
      assertThat(e.arguments()).containsExactly("病历.docx");
      return;
    }
    throw new AssertionError("a Word file was accepted");
  }
}
