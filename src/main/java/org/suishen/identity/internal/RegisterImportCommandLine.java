package org.suishen.identity.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImportStatus;
import org.suishen.identity.RegisterImports;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * {@code --suishen.identity.import-file=register.csv}: imports the file at start-up with a text
 * progress bar on standard output, then stops the application (exit code 0 when DONE, 1 when
 * FAILED, 2 when the file was refused).
 */
@Component
@ConditionalOnProperty("suishen.identity.import-file")
class RegisterImportCommandLine implements ApplicationRunner {

  private final RegisterImports imports;
  private final IdentityProperties properties;
  private final ErrorMessages messages;
  private final ConfigurableApplicationContext context;

  RegisterImportCommandLine(
      RegisterImports imports,
      IdentityProperties properties,
      ErrorMessages messages,
      ConfigurableApplicationContext context) {
    this.imports = imports;
    this.properties = properties;
    this.messages = messages;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    int exit = importFile(Objects.requireNonNull(properties.importFile()), System.out);
    System.exit(SpringApplication.exit(context, () -> exit));
  }

  /** Imports the file with a progress bar on {@code out}; answers the exit code. */
  int importFile(Path file, PrintStream out) {
    if (!Files.isReadable(file)) {
      out.println("Cannot read " + file);
      return 2;
    }
    try {
      RegisterImportJob job =
          imports.run(
              file,
              file.getFileName().toString(),
              Actor.system("register-import-cli"),
              new ConsoleProgressBar(out));
      out.println("Import " + job.id());
      if (job.failure() != null) {
        out.println(job.failure() + ": " + messages.english(job.failure()));
      }
      return job.status() == RegisterImportStatus.DONE ? 0 : 1;
    } catch (SuishenException e) {
      out.println(e.code() + ": " + messages.english(e.code(), e.arguments()));
      return 2;
    }
  }
}
