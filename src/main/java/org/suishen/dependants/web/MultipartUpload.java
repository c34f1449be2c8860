package org.suishen.dependants.web;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import org.suishen.dependants.internal.EvidenceUpload;

/** A multipart file part as an evidence upload; an empty part (no file chosen) is no upload. */
record MultipartUpload(MultipartFile file) implements EvidenceUpload {

  static @Nullable EvidenceUpload of(@Nullable MultipartFile file) {
    return file == null || file.isEmpty() ? null : new MultipartUpload(file);
  }

  @Override
  public long size() {
    return file.getSize();
  }

  @Override
  public byte[] read() throws IOException {
    return file.getBytes();
  }
}
