package org.suishen.sampling.internal;

import java.util.List;

/**
 * What a lab's upload did, row by row: every row is accepted, unchanged (the same result again: a
 * retried upload) or rejected with its reason, never silently dropped.
 *
 * @param people the person results the accepted tubes gave
 */
public record ResultReport(
    int rows, int accepted, int unchanged, int people, List<RowRefusal> rejected) {

  /** A row refused, with the message code of its reason and its arguments. */
  public record RowRefusal(int line, String tubeBarcode, String code, List<Object> arguments) {}
}
