package org.suishen.status.internal.feed;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** The rows of one feed, read one at a time (a feed may be larger than memory allows to hold). */
interface RowSource {

  /** The next row, or {@code null} at the end. */
  @Nullable FeedRow next() throws IOException;
}
