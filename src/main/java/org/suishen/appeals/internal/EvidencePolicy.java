package org.suishen.appeals.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * Which evidence files an appeal accepts: at most {@code maxFiles}, each non-empty, at most {@code
 * maxFileBytes}, and an image (JPEG, PNG, WebP) or a PDF by its magic bytes. Refusals name the
 * offending file.
 */
public final class EvidencePolicy {

  private static final int MAX_NAME_LENGTH = 100;

  private final int maxFiles;
  private final long maxFileBytes;

  public EvidencePolicy(int maxFiles, long maxFileBytes) {
    this.maxFiles = maxFiles;
    this.maxFileBytes = maxFileBytes;
  }

  /** Checks every file (count and declared sizes before reading anything) or refuses them all. */
  public List<Evidence> check(List<EvidenceUpload> uploads) {
    if (uploads.size() > maxFiles) {
      throw SuishenException.badInput("appeals.evidence.too-many", String.valueOf(maxFiles));
    }
    for (int i = 0; i < uploads.size(); i++) {
      checkSize(uploads.get(i), uploads.get(i).size(), i);
    }
    var accepted = new ArrayList<Evidence>(uploads.size());
    for (int i = 0; i < uploads.size(); i++) {
      var upload = uploads.get(i);
      byte[] content = read(upload);
      checkSize(upload, content.length, i);
      int index = i;
      var type =
          EvidenceType.detect(content)
              .orElseThrow(
                  () -> SuishenException.badInput("appeals.evidence.type", label(upload, index)));
      accepted.add(new Evidence(cleanName(upload.originalName(), i, type), type, content));
    }
    return List.copyOf(accepted);
  }

  private void checkSize(EvidenceUpload upload, long size, int index) {
    if (size <= 0) {
      throw SuishenException.badInput("appeals.evidence.empty", label(upload, index));
    }
    if (size > maxFileBytes) {
      throw SuishenException.badInput(
          "appeals.evidence.too-large",
          label(upload, index),
          String.valueOf(maxFileBytes / (1024 * 1024)));
    }
  }

  /**
   * The name shown to reviewers: the last path segment the browser sent, without control or format
   * characters, at most 100 characters; {@code evidence-<n>.<ext>} when nothing usable is left.
   */
  static String cleanName(@Nullable String original, int index, EvidenceType type) {
    String name = clean(original);
    return name.isEmpty() ? "evidence-" + (index + 1) + "." + type.extension() : name;
  }

  /** How a refusal names the file: its clean name, or its position ("#2"). */
  private static String label(EvidenceUpload upload, int index) {
    String name = clean(upload.originalName());
    return name.isEmpty() ? "#" + (index + 1) : name;
  }

  private static String clean(@Nullable String original) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    return name.codePoints()
        .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
        .limit(MAX_NAME_LENGTH)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString()
        .strip();
  }

  private static byte[] read(EvidenceUpload upload) {
    try {
      return upload.content().read();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read an uploaded evidence file", e);
    }
  }
}
