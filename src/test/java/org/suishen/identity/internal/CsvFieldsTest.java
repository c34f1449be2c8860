package org.suishen.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvFieldsTest {

  private final CsvFields csv = new CsvFields();
  private final String[] fields = new String[9];

  @Test
  void splitsPlainFieldsAndStripsSpaces() {
    assertThat(csv.split("a, b ,c", fields)).isEqualTo(3);
    assertThat(fields).startsWith("a", "b", "c");
  }

  @Test
  void keepsEmptyFieldsIncludingATrailingOne() {
    assertThat(csv.split("a,,c,", fields)).isEqualTo(4);
    assertThat(fields).startsWith("a", "", "c", "");
  }

  @Test
  void readsQuotedFieldsWithCommasAndDoubledQuotes() {
    assertThat(csv.split("\"Smith, John\",\"say \"\"hi\"\"\",x", fields)).isEqualTo(3);
    assertThat(fields).startsWith("Smith, John", "say \"hi\"", "x");
  }

  @Test
  void refusesUnbalancedOrStrayQuotes() {
    assertThat(csv.split("\"open,b", fields)).isEqualTo(CsvFields.UNBALANCED_QUOTES);
    assertThat(csv.split("a\"b,c", fields)).isEqualTo(CsvFields.UNBALANCED_QUOTES);
    assertThat(csv.split("\"a\"b,c", fields)).isEqualTo(CsvFields.UNBALANCED_QUOTES);
  }

  @Test
  void countsFieldsBeyondTheArray() {
    assertThat(csv.split("1,2,3,4,5,6,7,8,9,10,11", fields)).isEqualTo(11);
    assertThat(fields[8]).isEqualTo("9");
  }
}
