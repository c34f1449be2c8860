package org.suishen.status.internal.feed;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of feed the health authority sends, by their path name. */
public enum FeedKind {
  ORDERS("orders", new OrdersFormat()),
  RELEASES("releases", new ReleasesFormat()),
  KEY_REGIONS("key-regions", new KeyRegionsFormat()),
  ARRIVALS("arrivals", new ArrivalsFormat()),
  REDECLARATIONS("redeclarations", new RedeclarationsFormat());

  private final String path;
  private final FeedFormat format;

  FeedKind(String path, FeedFormat format) {
    this.path = path;
    this.format = format;
  }

  public String path() {
    return path;
  }

  FeedFormat format() {
    return format;
  }

  /** The columns a file of this kind may have, in the documented order. */
  public java.util.List<String> columns() {
    return format.columns();
  }

  public static Optional<FeedKind> ofPath(String path) {
    return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
  }
}
