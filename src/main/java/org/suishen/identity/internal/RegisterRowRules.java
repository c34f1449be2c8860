package org.suishen.identity.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Names;
import org.suishen.identity.Sex;
import org.suishen.identity.document.BirthDates;
import org.suishen.shared.problem.SuishenException;

/**
 * What a register row must satisfy: a known document type and a valid number, a name, sex M or F,
 * an ISO birth date from 1900 to today that agrees with the one in the document number (and the sex
 * likewise), short plain values in the optional columns, and {@code true}/{@code false} for the
 * disability certificate.
 */
final class RegisterRowRules {

  static final int COLUMNS = 9;
  private static final int MAX_HOUSEHOLD = 64;
  private static final int MAX_DISTRICT = 64;
  private static final int MAX_PHOTO_FILE = 255;

  private final LocalDate today;
  private final int maxNameLength;

  RegisterRowRules(LocalDate today, int maxNameLength) {
    this.today = today;
    this.maxNameLength = maxNameLength;
  }

  /** The checked row; the first problem found refuses it. */
  RegisterRow check(String[] f) throws RowRefused {
    IdentityDocument document = document(f[0], f[1]);
    String name = f[2];
    String normalised = Names.normalise(name);
    if (normalised.isEmpty()
        || name.codePointCount(0, name.length()) > maxNameLength
        || hasControl(name)) {
      throw new RowRefused(RegisterImportErrors.NAME, "name");
    }
    Sex sex = sex(f[3]);
    LocalDate birthDate = birthDate(f[4]);
    var embedded = document.embeddedBirthDate();
    if (embedded.isPresent() && !embedded.get().equals(birthDate)) {
      throw new RowRefused(RegisterImportErrors.BIRTH_DATE_MISMATCH, "birth_date");
    }
    var embeddedSex = document.embeddedSex();
    if (embeddedSex.isPresent() && embeddedSex.get() != sex) {
      throw new RowRefused(RegisterImportErrors.SEX_MISMATCH, "sex");
    }
    return new RegisterRow(
        document,
        name,
        normalised,
        sex,
        birthDate,
        optional(f[5], MAX_HOUSEHOLD, "household_id"),
        optional(f[6], MAX_DISTRICT, "district"),
        photoFile(f[7]),
        disability(f[8]));
  }

  private IdentityDocument document(String type, String number) throws RowRefused {
    DocumentType documentType;
    try {
      documentType = DocumentType.parse(type);
    } catch (SuishenException e) {
      throw new RowRefused(e.code(), "document_type");
    }
    try {
      return IdentityDocument.of(documentType, number, today);
    } catch (SuishenException e) {
      throw new RowRefused(e.code(), "document_number");
    }
  }

  private static Sex sex(String value) throws RowRefused {
    if (value.length() == 1) {
      switch (value.charAt(0)) {
        case 'M', 'm' -> {
          return Sex.MALE;
        }
        case 'F', 'f' -> {
          return Sex.FEMALE;
        }
        default -> {}
      }
    }
    throw new RowRefused(RegisterImportErrors.SEX, "sex");
  }

  /** yyyy-MM-dd, a real date from 1900-01-01 to today. */
  LocalDate birthDate(String value) throws RowRefused {
    if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
      int year = digits(value, 0, 4);
      int month = digits(value, 5, 2);
      int day = digits(value, 8, 2);
      if (year >= 0 && month >= 0 && day >= 0) {
        try {
          LocalDate date = LocalDate.of(year, month, day);
          if (!date.isBefore(BirthDates.EARLIEST) && !date.isAfter(today)) {
            return date;
          }
        } catch (DateTimeException e) {
          // not a calendar date: refused below
        }
      }
    }
    throw new RowRefused(RegisterImportErrors.BIRTH_DATE, "birth_date");
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static @Nullable String optional(String value, int max, String column) throws RowRefused {
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > max || hasControl(value)) {
      throw new RowRefused(RegisterImportErrors.FIELD, column);
    }
    return value;
  }

  /** A relative path in the photo library: no leading slash, no "..", no backslash. */
  private static @Nullable String photoFile(String value) throws RowRefused {
    String file = optional(value, MAX_PHOTO_FILE, "photo_file");
    if (file != null && (file.startsWith("/") || file.contains("..") || file.indexOf('\\') >= 0)) {
      throw new RowRefused(RegisterImportErrors.FIELD, "photo_file");
    }
    return file;
  }

  private static boolean disability(String value) throws RowRefused {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new RowRefused(RegisterImportErrors.DISABILITY, "disability_certificate");
  }

  private static boolean hasControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
