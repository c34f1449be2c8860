package org.suishen.status.internal.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.shared.problem.SuishenException;

/** Parses and checks the values of feed rows; every refusal has its own reason code. */
final class FeedValues {

  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/\\-]{0,63}");
  private static final Pattern OFFSET = Pattern.compile("[+-]\\d\\d:?\\d\\d$");
  private static final Pattern REGION_CODE = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{1,31}");

  private FeedValues() {}

  static String orderId(String value) throws RowRejected {
    if (!ORDER_ID.matcher(value).matches()) {
      throw new RowRejected("status.feed.order-id-invalid");
    }
    return value;
  }

  static String regionCode(String value) throws RowRejected {
    String canonical = value.toUpperCase(Locale.ROOT);
    if (!REGION_CODE.matcher(canonical).matches()) {
      throw new RowRejected("status.feed.region-invalid");
    }
    return canonical;
  }

  static String regionName(String value) throws RowRejected {
    if (value.length() > 100 || value.chars().anyMatch(Character::isISOControl)) {
      throw new RowRejected("status.feed.region-name-invalid");
    }
    return value;
  }

  /**
   * An instant: ISO-8601 with offset ({@code 2026-03-01T08:00:00+08:00}, {@code ...Z}), or a local
   * date-time ({@code 2026-03-01T08:00}, also with a space) or a date ({@code 2026-03-01}, its
   * first moment) in the city's zone.
   */
  static Instant time(String value, ZoneId zone) throws RowRejected {
    String text =
        value.length() > 10 && value.charAt(10) == ' ' ? value.replaceFirst(" ", "T") : value;
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
      }
      if (text.endsWith("Z")) {
        return OffsetDateTime.parse(text).toInstant();
      }
      var offset = OFFSET.matcher(text);
      if (offset.find()) {
        String withColon =
            offset.group().length() == 5
                ? text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2)
                : text;
        return OffsetDateTime.parse(withColon).toInstant();
      }
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new RowRejected("status.feed.time-invalid");
    }
  }

  static LocalDate date(String value) throws RowRejected {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new RowRejected("status.feed.date-invalid");
    }
  }

  static <E extends Enum<E>> E member(Class<E> type, String value, String code) throws RowRejected {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new RowRejected(code);
    }
  }

  /**
   * The person a row names: {@code person_id}, or {@code document_type} and {@code document_number}
   * (checked and canonicalised), or both (they must name the same person).
   *
   * @return person id, document type, document number (each may be {@code null})
   */
  static @Nullable String[] person(FeedRow row) throws RowRejected {
    String id = row.get("person_id");
    String type = row.get("document_type");
    String number = row.get("document_number");
    if (id == null && type == null && number == null) {
      throw new RowRejected("status.feed.person-missing");
    }
    String personId = null;
    if (id != null) {
      try {
        personId = UUID.fromString(id).toString();
      } catch (IllegalArgumentException e) {
        throw new RowRejected("status.feed.person-id-invalid");
      }
    }
    if (type == null && number == null) {
      return new @Nullable String[] {personId, null, null};
    }
    if (type == null || number == null) {
      throw new RowRejected("status.feed.document-incomplete");
    }
    DocumentType documentType =
        member(DocumentType.class, type, "status.feed.document-type-invalid");
    try {
      IdentityDocument document = IdentityDocument.of(documentType, number);
      return new @Nullable String[] {personId, document.type().name(), document.number()};
    } catch (SuishenException e) {
      throw new RowRejected(e.code());
    }
  }
}
