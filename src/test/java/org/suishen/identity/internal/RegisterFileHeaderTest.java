package org.suishen.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.suishen.identity.RegisterImports;

class RegisterFileHeaderTest {

  @Test
  void acceptsTheHeaderWithAByteOrderMarkQuotesSpacesAndAnyCase() {
    assertThat(RegisterFileHeader.matches(RegisterImports.HEADER)).isTrue();
    assertThat(RegisterFileHeader.matches("\uFEFF" + RegisterImports.HEADER.toUpperCase()))
        .isTrue();
    assertThat(
            RegisterFileHeader.matches(
                "\"document_type\", document_number ,name,sex,birth_date,household_id,district,"
                    + "photo_file,disability_certificate"))
        .isTrue();
  }

  @Test
  void refusesMissingReorderedOrExtraColumns() {
    assertThat(RegisterFileHeader.matches("document_type,document_number,name")).isFalse();
    assertThat(
            RegisterFileHeader.matches(
                "document_number,document_type,name,sex,birth_date,household_id,district,"
                    + "photo_file,disability_certificate"))
        .isFalse();
    assertThat(RegisterFileHeader.matches(RegisterImports.HEADER + ",extra")).isFalse();
  }
}
