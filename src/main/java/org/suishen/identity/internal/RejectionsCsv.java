package org.suishen.identity.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.identity.RegisterRejection;
import org.suishen.shared.problem.ErrorMessages;

/**
 * The refused rows of an import as CSV for spreadsheets: UTF-8 with byte-order mark, {@code
 * line,reason,detail,document,messageZh,messageEn}, streamed from the database.
 */
final class RejectionsCsv {

  private final RegisterImportJobs jobs;
  private final ErrorMessages messages;
  private final TransactionTemplate readOnly;

  RejectionsCsv(RegisterImportJobs jobs, ErrorMessages messages, TransactionTemplate readOnly) {
    this.jobs = jobs;
    this.messages = messages;
    this.readOnly = readOnly;
  }

  void write(UUID importId, OutputStream out) throws IOException {
    Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    csv.write('\uFEFF');
    csv.write("line,reason,detail,document,messageZh,messageEn\n");
    readOnly.executeWithoutResult(
        status ->
            jobs.eachRejection(
                importId,
                rs -> {
                  RegisterRejection r = RegisterImportJobs.rejection(rs, 0);
                  Object[] arguments =
                      r.detail() == null ? new Object[0] : new Object[] {r.detail()};
                  try {
                    csv.write(
                        String.join(
                                ",",
                                Long.toString(r.line()),
                                r.reason(),
                                quote(r.detail()),
                                quote(r.document()),
                                quote(messages.chinese(r.reason(), arguments)),
                                quote(messages.english(r.reason(), arguments)))
                            + "\n");
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
    csv.flush();
  }

  static String quote(@Nullable String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
