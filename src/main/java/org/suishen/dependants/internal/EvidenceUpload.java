package org.suishen.dependants.internal;

import java.io.IOException;

/** An uploaded file, read only if the binding needs it. */
public interface EvidenceUpload {

  /** The size the client declared, checked before reading. */
  long size();

  byte[] read() throws IOException;
}
