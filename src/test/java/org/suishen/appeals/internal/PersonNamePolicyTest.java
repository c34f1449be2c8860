package org.suishen.appeals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.appeals.internal.Refusals.badInput;

import org.junit.jupiter.api.Test;

class PersonNamePolicyTest {

  final PersonNamePolicy names = new PersonNamePolicy(20);

  @Test
  void acceptsNamesInAnyScriptAsOnTheDocument() {
    assertThat(names.check("王晓明", "n")).isEqualTo("王晓明");
    assertThat(names.check("阿依古丽·买买提", "n")).isEqualTo("阿依古丽·买买提");
    assertThat(names.check("Mary-Jane O'Neil", "n")).isEqualTo("Mary-Jane O'Neil");
    assertThat(names.check("José Müller", "n")).isEqualTo("José Müller");
  }

  @Test
  void trimsCollapsesBlanksAndNormalises() {
    assertThat(names.check("  John \t  Smith ", "n")).isEqualTo("John Smith");
    // e + combining acute accent becomes é
    assertThat(names.check("Jose\u0301", "n")).isEqualTo("José");
    assertThat(names.check("Anna\nLee", "n")).isEqualTo("Anna Lee");
  }

  @Test
  void refusesBlankOverlongAndNonNames() {
    badInput(() -> names.check(null, "appeals.name"), "appeals.name.required");
    badInput(() -> names.check("   ", "appeals.name"), "appeals.name.required");
    badInput(() -> names.check("王".repeat(21), "appeals.name"), "appeals.name.too-long");
    badInput(() -> names.check("王小明2", "appeals.name"), "appeals.name.invalid");
    badInput(() -> names.check("<script>", "appeals.name"), "appeals.name.invalid");
    badInput(() -> names.check("·-.", "appeals.name"), "appeals.name.invalid");
    badInput(() -> names.check("王\u0000明", "appeals.name"), "appeals.name.invalid");
  }
}
