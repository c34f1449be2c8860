package org.suishen.dependants.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.suishen.shared.problem.SuishenException;

class EvidencePolicyTest {

  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J'};
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
  static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);

  private final EvidencePolicy policy = new EvidencePolicy(DataSize.ofKilobytes(1));

  @Test
  void recognisesJpegPngAndPdfByTheirFirstBytes() {
    assertThat(policy.inspect(JPEG).format()).isEqualTo(EvidenceFormat.JPEG);
    assertThat(policy.inspect(PNG).format()).isEqualTo(EvidenceFormat.PNG);
    assertThat(policy.inspect(PDF).format()).isEqualTo(EvidenceFormat.PDF);
    assertThat(policy.inspect(PDF).format().mediaType()).isEqualTo("application/pdf");
  }

  @Test
  void refusesOtherContentWhateverItClaimsToBe() {
    refused("GIF89a....".getBytes(StandardCharsets.US_ASCII), "dependants.evidence-type");
    refused("<html><script>".getBytes(StandardCharsets.US_ASCII), "dependants.evidence-type");
    refused(new byte[] {(byte) 0xFF, (byte) 0xD8}, "dependants.evidence-type");
    refused("%PDF".getBytes(StandardCharsets.US_ASCII), "dependants.evidence-type");
  }

  @Test
  void anEmptyFileIsNoEvidence() {
    refused(new byte[0], "dependants.evidence-required");
  }

  @Test
  void refusesFilesOverTheLimitAndAcceptsOneExactlyAtIt() {
    byte[] atLimit = Arrays.copyOf(JPEG, 1024);
    assertThat(policy.inspect(atLimit).size()).isEqualTo(1024);
    refused(Arrays.copyOf(JPEG, 1025), "dependants.evidence-too-large");
    assertThatThrownBy(() -> policy.checkSize(1025))
        .isInstanceOfSatisfying(
            SuishenException.class, e -> assertThat(e.arguments()).containsExactly(0L));
  }

  @Test
  void theFileKeepsItsContentAndDigest() {
    var file = policy.inspect(PNG);
    assertThat(file.content()).isEqualTo(PNG);
    assertThat(file.sha256()).hasSize(32);
    assertThat(file).isEqualTo(new EvidenceFile(EvidenceFormat.PNG, PNG.clone()));
  }

  private void refused(byte[] content, String code) {
    assertThatThrownBy(() -> policy.inspect(content))
        .isInstanceOfSatisfying(SuishenException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
