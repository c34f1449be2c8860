package org.suishen.status.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedValuesTest {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  @Test
  void timesWithOffsetLocalTimesAndDatesAreReadInTheCityZone() throws Exception {
    Instant expected = Instant.parse("2026-03-01T00:00:00Z");
    assertThat(FeedValues.time("2026-03-01T08:00:00+08:00", CITY)).isEqualTo(expected);
    assertThat(FeedValues.time("2026-03-01T08:00+0800", CITY)).isEqualTo(expected);
    assertThat(FeedValues.time("2026-03-01T00:00:00Z", CITY)).isEqualTo(expected);
    assertThat(FeedValues.time("2026-03-01T08:00", CITY)).isEqualTo(expected);
    assertThat(FeedValues.time("2026-03-01 08:00:00", CITY)).isEqualTo(expected);
    assertThat(FeedValues.time("2026-03-01", CITY))
        .isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
    assertThatThrownBy(() -> FeedValues.time("01/03/2026", CITY))
        .isInstanceOf(RowRejected.class)
        .hasMessage("status.feed.time-invalid");
  }

  @Test
  void aPersonIsNamedByIdOrByACheckedDocument() throws Exception {
    String id = "6f1c2d3e-0000-4000-8000-000000000001";
    assertThat(FeedValues.person(row(Map.of("person_id", id)))).containsExactly(id, null, null);
    assertThat(
            FeedValues.person(
                row(
                    Map.of(
                        "document_type", "resident_id", "document_number", "110101199003071233"))))
        .containsExactly(null, "RESIDENT_ID", "110101199003071233");
  }

  @Test
  void aBadDocumentIsRejectedWithTheRegistersReason() {
    assertThatThrownBy(
            () ->
                FeedValues.person(
                    row(
                        Map.of(
                            "document_type", "RESIDENT_ID",
                            "document_number", "110101199003071234"))))
        .isInstanceOf(RowRejected.class)
        .hasMessage("identity.document.check-digit");
    assertThatThrownBy(
            () ->
                FeedValues.person(
                    row(Map.of("document_type", "PASSPORT", "document_number", "E1234567"))))
        .hasMessage("status.feed.document-type-invalid");
    assertThatThrownBy(() -> FeedValues.person(row(Map.of("document_number", "E1234567"))))
        .hasMessage("status.feed.document-incomplete");
    assertThatThrownBy(() -> FeedValues.person(row(Map.of())))
        .hasMessage("status.feed.person-missing");
  }

  @Test
  void regionCodesAreCanonicalUpperCase() throws Exception {
    assertThat(FeedValues.regionCode("hk-01")).isEqualTo("HK-01");
    assertThatThrownBy(() -> FeedValues.regionCode("武汉")).hasMessage("status.feed.region-invalid");
  }

  @Test
  void stagedValuesAreQuotedAndNullsLeftEmptyForCopy() {
    var buffer = new StringBuilder();
    FeedProcessor.appendCsv(buffer, 7, new String[] {"a\"b", null, "c,d"});
    assertThat(buffer.toString()).isEqualTo("7,\"a\"\"b\",,\"c,d\"\n");
  }

  static FeedRow row(Map<String, String> values) {
    return new FeedRow(2, values, null);
  }
}
