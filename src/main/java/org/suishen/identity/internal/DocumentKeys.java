package org.suishen.identity.internal;

import java.util.HashMap;
import java.util.Map;
import org.suishen.identity.IdentityDocument;

/**
 * The documents seen so far in one file, to refuse a second row with the same document. Numbers of
 * 17 digits and a check character (resident IDs, residence permits) are kept as one {@code long}
 * each in an open-addressing table (at most half full), 24 to 48 bytes per row; other documents in
 * a map.
 */
final class DocumentKeys {

  private static final long TYPE_FACTOR = 100_000_000_000_000_000L;

  private long[] keys;
  private int[] lines;
  private int size;
  private final Map<String, Integer> others = new HashMap<>();

  DocumentKeys() {
    this(0);
  }

  /** Sized for about {@code expectedRows} rows, so that the table rarely has to grow. */
  DocumentKeys(long expectedRows) {
    int capacity = 1 << 16;
    while (capacity < expectedRows * 2 && capacity < (1 << 30)) {
      capacity <<= 1;
    }
    keys = new long[capacity];
    lines = new int[capacity];
  }

  /** The line of an earlier row with the same document, or 0 if this is the first. */
  int firstLine(IdentityDocument document, int line) {
    long key = numericKey(document);
    if (key == 0) {
      Integer earlier =
          others.putIfAbsent(document.type().ordinal() + ":" + document.number(), line);
      return earlier == null ? 0 : earlier;
    }
    if ((size + 1) * 2L > keys.length) {
      grow();
    }
    int slot = slotOf(keys, key);
    if (keys[slot] == key) {
      return lines[slot];
    }
    keys[slot] = key;
    lines[slot] = line;
    size++;
    return 0;
  }

  /** Type and the first 17 digits as one non-zero number, or 0 if the number has another shape. */
  private static long numericKey(IdentityDocument document) {
    String n = document.number();
    if (n.length() != 18) {
      return 0;
    }
    long value = 0;
    for (int i = 0; i < 17; i++) {
      char c = n.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      value = value * 10 + (c - '0');
    }
    return (document.type().ordinal() + 1) * TYPE_FACTOR + value;
  }

  private static int slotOf(long[] table, long key) {
    int mask = table.length - 1;
    long h = key;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    int slot = (int) h & mask;
    while (table[slot] != 0 && table[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldLines = lines;
    keys = new long[oldKeys.length * 2];
    lines = new int[oldLines.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slotOf(keys, oldKeys[i]);
        keys[slot] = oldKeys[i];
        lines[slot] = oldLines[i];
      }
    }
  }
}
