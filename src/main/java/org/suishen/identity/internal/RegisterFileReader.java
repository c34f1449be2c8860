package org.suishen.identity.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a register file line by line (LF or CRLF) as UTF-8 bytes and splits each line into CSV
 * fields (RFC 4180: comma-separated, fields may be quoted with {@code "}, a quote inside a quoted
 * field doubled; surrounding spaces dropped). Works on bytes, and makes strings only of the fields:
 * the import reads a city's register at the speed of the database. Every line is checked to be
 * strict UTF-8 ({@link MalformedInputException} otherwise). A line longer than {@code maxLength}
 * bytes is cut and marked {@link #tooLong()}, so that a file without line breaks cannot exhaust the
 * memory. A line break inside a quoted field is not supported: each line is one row.
 */
final class RegisterFileReader implements Closeable {

  /** Marks a line whose quotes do not balance. */
  static final int UNBALANCED_QUOTES = -1;

  private final InputStream in;
  private final int maxLength;
  private final byte[] buffer = new byte[1 << 16];
  private byte[] line = new byte[512];
  private byte[] quoted = new byte[256];
  private int lineLength;
  private int position;
  private int end;
  private long bytesRead;
  private long lineNumber;
  private boolean tooLong;

  RegisterFileReader(InputStream in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
  }

  /** Moves to the next line; false at the end of the file. */
  boolean next() throws IOException {
    lineLength = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (position >= end) {
        end = in.read(buffer, 0, buffer.length);
        position = 0;
        if (end <= 0) {
          end = 0;
          if (!any) {
            return false;
          }
          break;
        }
        bytesRead += end;
      }
      any = true;
      int start = position;
      while (position < end && buffer[position] != '\n') {
        position++;
      }
      append(start, position - start);
      if (position < end) {
        position++;
        break;
      }
    }
    lineNumber++;
    if (lineLength > 0 && line[lineLength - 1] == '\r') {
      lineLength--;
    }
    if (!tooLong && !Utf8.valid(line, 0, lineLength)) {
      throw new MalformedInputException(lineLength);
    }
    return true;
  }

  private void append(int start, int count) {
    int room = maxLength - lineLength;
    if (count > room) {
      tooLong = true;
      count = Math.max(0, room);
    }
    if (lineLength + count > line.length) {
      byte[] bigger = new byte[Math.max(line.length * 2, lineLength + count)];
      System.arraycopy(line, 0, bigger, 0, lineLength);
      line = bigger;
    }
    System.arraycopy(buffer, start, line, lineLength, count);
    lineLength += count;
  }

  /** The current line as text. */
  String line() {
    return new String(line, 0, lineLength, StandardCharsets.UTF_8);
  }

  /** Whether the current line holds nothing but spaces and tabs. */
  boolean blank() {
    for (int i = 0; i < lineLength; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Fills {@code fields} with the current line's fields and answers how many it has (which may
   * exceed the array's length: the extra ones are counted, not stored), or {@link
   * #UNBALANCED_QUOTES}.
   */
  int split(String[] fields) {
    int count = 0;
    int i = 0;
    int n = lineLength;
    byte[] b = line;
    while (true) {
      while (i < n && b[i] == ' ') {
        i++;
      }
      if (i < n && b[i] == '"') {
        i++;
        int length = 0;
        boolean closed = false;
        while (i < n) {
          byte c = b[i++];
          if (c == '"') {
            if (i < n && b[i] == '"') {
              i++;
            } else {
              closed = true;
              break;
            }
          }
          if (length == quoted.length) {
            quoted = java.util.Arrays.copyOf(quoted, length * 2);
          }
          quoted[length++] = c;
        }
        if (!closed) {
          return UNBALANCED_QUOTES;
        }
        while (i < n && b[i] == ' ') {
          i++;
        }
        if (i < n && b[i] != ',') {
          return UNBALANCED_QUOTES;
        }
        if (count < fields.length) {
          fields[count] = new String(quoted, 0, length, StandardCharsets.UTF_8);
        }
      } else {
        int start = i;
        while (i < n && b[i] != ',') {
          if (b[i] == '"') {
            return UNBALANCED_QUOTES;
          }
          i++;
        }
        int stop = i;
        while (stop > start && b[stop - 1] == ' ') {
          stop--;
        }
        if (count < fields.length) {
          fields[count] = new String(b, start, stop - start, StandardCharsets.UTF_8);
        }
      }
      count++;
      if (i >= n) {
        return count;
      }
      i++; // the comma
    }
  }

  /** The number of the current line (the first line is 1). */
  long lineNumber() {
    return lineNumber;
  }

  /** Whether the current line was cut at the maximum length. */
  boolean tooLong() {
    return tooLong;
  }

  /** Bytes taken from the file so far (read ahead by up to 64 KiB). */
  long bytesRead() {
    return bytesRead;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. */
  static final class Utf8 {
    private Utf8() {}

    static boolean valid(byte[] b, int from, int to) {
      int i = from;
      while (i < to) {
        int c = b[i];
        if (c >= 0) {
          i++;
          continue;
        }
        c &= 0xFF;
        int continuation;
        int min = 0x80;
        int max = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
          continuation = 1;
        } else if (c == 0xE0) {
          continuation = 2;
          min = 0xA0;
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
          continuation = 2;
        } else if (c == 0xED) {
          continuation = 2;
          max = 0x9F;
        } else if (c == 0xF0) {
          continuation = 3;
          min = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
          continuation = 3;
        } else if (c == 0xF4) {
          continuation = 3;
          max = 0x8F;
        } else {
          return false;
        }
        if (i + continuation >= to) {
          return false;
        }
        int second = b[i + 1] & 0xFF;
        if (second < min || second > max) {
          return false;
        }
        for (int k = 2; k <= continuation; k++) {
          int next = b[i + k] & 0xFF;
          if (next < 0x80 || next > 0xBF) {
            return false;
          }
        }
        i += continuation + 1;
      }
      return true;
    }
  }
}
