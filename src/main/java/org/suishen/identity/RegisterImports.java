package org.suishen.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.suishen.shared.security.Actor;

/**
 * Imports population register files (CSV, UTF-8, header {@value #HEADER}). An import is idempotent,
 * keyed by document type and number: a new document creates a person with a new random id, a
 * changed row updates the person (the id never changes), an identical row changes nothing. Refused
 * rows are recorded with their line number and reason; the valid rows are merged in one
 * transaction, so a failure leaves the register untouched.
 */
public interface RegisterImports {

  String HEADER =
      "document_type,document_number,name,sex,birth_date,household_id,district,photo_file,"
          + "disability_certificate";

  /**
   * Stores the upload, checks its header and starts the import in the background. Refuses, before
   * anything is recorded, an empty file or a wrong header ({@code identity.import.header}, 400) or
   * a file over the size limit ({@code request.too-large}, 413).
   */
  RegisterImportJob start(InputStream upload, String fileName, Actor actor) throws IOException;

  /**
   * Imports a file now, in the calling thread (command line, demo data), reporting progress to the
   * listener; returns the finished job (DONE or FAILED). Refuses a wrong header like {@link
   * #start}.
   */
  RegisterImportJob run(
      Path file, String fileName, Actor actor, Consumer<RegisterImportJob> progress);

  Optional<RegisterImportJob> find(UUID importId);

  /** The latest imports, newest first. */
  List<RegisterImportJob> recent(int limit);

  /** The first refused rows of an import, by line. */
  List<RegisterRejection> rejections(UUID importId, int limit);

  /**
   * Writes every refused row of an import as CSV (UTF-8 with byte-order mark, for spreadsheets):
   * {@code line,reason,detail,document,messageZh,messageEn}.
   */
  void writeRejections(UUID importId, OutputStream out) throws IOException;
}
