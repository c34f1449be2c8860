package org.suishen.identity.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Reads a file line by line (LF or CRLF) and counts lines, refusing to hold more than {@code
 * maxLength} characters of a line: a file without line breaks cannot exhaust the memory.
 */
final class CsvLineReader implements Closeable {

  private final Reader in;
  private final int maxLength;
  private final char[] buffer = new char[1 << 16];
  private final StringBuilder line = new StringBuilder(256);
  private int position;
  private int end;
  private long lineNumber;
  private boolean tooLong;

  CsvLineReader(Reader in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
  }

  /** The next line without its line break, or null at the end of the file. */
  @Nullable String next() throws IOException {
    line.setLength(0);
    tooLong = false;
    boolean any = false;
    while (true) {
      if (position >= end) {
        end = in.read(buffer, 0, buffer.length);
        position = 0;
        if (end <= 0) {
          end = 0;
          if (!any) {
            return null;
          }
          break;
        }
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
    int length = line.length();
    if (length > 0 && line.charAt(length - 1) == '\r') {
      line.setLength(length - 1);
    }
    return line.toString();
  }

  private void append(int start, int count) {
    int room = maxLength - line.length();
    if (count > room) {
      tooLong = true;
      count = Math.max(0, room);
    }
    line.append(buffer, start, count);
  }

  /** The number of the line last returned (the first line is 1). */
  long lineNumber() {
    return lineNumber;
  }

  /** Whether the line last returned was cut at the maximum length. */
  boolean tooLong() {
    return tooLong;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
