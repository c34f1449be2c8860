package org.suishen.appeals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.appeals.internal.Refusals.badInput;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.suishen.appeals.AppealKind;
import org.suishen.appeals.AppealsFixtures;
import org.suishen.status.Colour;

class FilingPolicyTest {

  final FilingPolicy policy =
      new FilingPolicy(20, new PersonNamePolicy(10), new EvidencePolicy(2, 1024));

  static FilingRequest colour(String text, String colour) {
    return new FilingRequest("WRONG_COLOUR", text, colour, null, List.of());
  }

  static FilingRequest name(String text, String name) {
    return new FilingRequest("WRONG_NAME", text, null, name, List.of());
  }

  @Test
  void aColourAppealMayNameTheColourBelievedCorrect() {
    Filing filing = policy.check(colour(" 一直在上海 ", "green"), Colour.YELLOW, "王小明");
    assertThat(filing.kind()).isEqualTo(AppealKind.WRONG_COLOUR);
    assertThat(filing.text()).isEqualTo("一直在上海");
    assertThat(filing.believedColour()).isEqualTo(Colour.GREEN);
    assertThat(filing.correctedName()).isNull();
    assertThat(policy.check(colour("不确定", ""), Colour.RED, "王小明").believedColour()).isNull();
  }

  @Test
  void aColourAppealIgnoresANameAndANameAppealAColour() {
    var both = new FilingRequest("WRONG_COLOUR", "说明", "GREEN", "王晓明", List.of());
    assertThat(policy.check(both, Colour.RED, "王小明").correctedName()).isNull();
    var other = new FilingRequest("wrong_name", "说明", "GREEN", "王晓明", List.of());
    Filing filing = policy.check(other, Colour.RED, "王小明");
    assertThat(filing.kind()).isEqualTo(AppealKind.WRONG_NAME);
    assertThat(filing.believedColour()).isNull();
    assertThat(filing.correctedName()).isEqualTo("王晓明");
  }

  @Test
  void refusesAnUnknownOrMissingKind() {
    badInput(
        () -> policy.check(new FilingRequest(null, "说明", null, null, List.of()), Colour.RED, "王"),
        "appeals.kind.invalid");
    badInput(
        () ->
            policy.check(
                new FilingRequest("WRONG_PHOTO", "说明", null, null, List.of()), Colour.RED, "王"),
        "appeals.kind.invalid");
  }

  @Test
  void requiresAText() {
    badInput(() -> policy.check(colour(null, null), Colour.RED, "王小明"), "appeals.text.required");
    badInput(() -> policy.check(colour(" \n ", null), Colour.RED, "王小明"), "appeals.text.required");
    badInput(
        () -> policy.check(colour("字".repeat(21), null), Colour.RED, "王小明"),
        "appeals.text.too-long");
    assertThat(policy.check(colour("字".repeat(20), null), Colour.RED, "王小明").text()).hasSize(20);
  }

  @Test
  void refusesAnUnknownColourOrTheOneAlreadyShown() {
    badInput(
        () -> policy.check(colour("说明", "purple"), Colour.RED, "王小明"), "appeals.colour.invalid");
    badInput(
        () -> policy.check(colour("说明", "YELLOW"), Colour.YELLOW, "王小明"),
        "appeals.colour.unchanged");
  }

  @Test
  void aNameAppealNeedsAValidNameOtherThanTheRegisteredOne() {
    badInput(() -> policy.check(name("说明", null), Colour.GREEN, "王小明"), "appeals.name.required");
    badInput(() -> policy.check(name("说明", "王小明1"), Colour.GREEN, "王小明"), "appeals.name.invalid");
    badInput(
        () -> policy.check(name("说明", "王".repeat(11)), Colour.GREEN, "王小明"),
        "appeals.name.too-long");
    badInput(
        () -> policy.check(name("说明", " 王小明 "), Colour.GREEN, "王小明"), "appeals.name.unchanged");
  }

  @Test
  void checksTheEvidenceLast() {
    var upload = new EvidenceUpload("x.txt", 3, () -> "abc".getBytes());
    var request = new FilingRequest("WRONG_COLOUR", "说明", null, null, List.of(upload));
    badInput(() -> policy.check(request, Colour.RED, "王小明"), "appeals.evidence.type");
    var png = new EvidenceUpload("x.png", AppealsFixtures.PNG.length, () -> AppealsFixtures.PNG);
    var good = new FilingRequest("WRONG_COLOUR", "说明", null, null, List.of(png));
    assertThat(policy.check(good, Colour.RED, "王小明").evidence()).hasSize(1);
  }

  static FilingRequest identity(
      String type, String number, String name, List<EvidenceUpload> files) {
    return new FilingRequest("IDENTITY_TAKEN", "被冒用", null, null, type, number, name, files);
  }

  @Test
  void anIdentityAppealNamesAWellFormedDocumentAndBringsEvidence() {
    var png = new EvidenceUpload("证件.png", AppealsFixtures.PNG.length, () -> AppealsFixtures.PNG);
    String number = org.suishen.identity.document.TestResidentIds.random();
    var checked =
        policy.checkIdentity(identity("resident_id", " " + number + " ", "王小明", List.of(png)));
    assertThat(checked.document().number()).isEqualTo(number);
    assertThat(checked.name()).isEqualTo("王小明");
    assertThat(checked.filing().kind()).isEqualTo(AppealKind.IDENTITY_TAKEN);
    assertThat(checked.filing().evidence()).hasSize(1);

    badInput(
        () -> policy.checkIdentity(identity("PASSPORTISH", number, "王小明", List.of(png))),
        "appeals.identity.document-type");
    badInput(
        () -> policy.checkIdentity(identity("RESIDENT_ID", " ", "王小明", List.of(png))),
        "appeals.identity.document-number.required");
    badInput(
        () -> policy.checkIdentity(identity("RESIDENT_ID", number, "", List.of(png))),
        "appeals.identity.name.required");
    badInput(
        () -> policy.checkIdentity(identity("RESIDENT_ID", number, "王小明", List.of())),
        "appeals.evidence.required");
  }
}
