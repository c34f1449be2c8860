package org.suishen.identity.internal;

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
    Path file = Objects.requireNonNull(properties.importFile());
    int code;
    if (!Files.isReadable(file)) {
      System.out.println("Cannot read " + file);
      code = 2;
    } else {
      code = importFile(file);
    }
    int exit = code;
    System.exit(SpringApplication.exit(context, () -> exit));
  }

  private int importFile(Path file) {
    try {
      RegisterImportJob job =
          imports.run(
              file,
              file.getFileName().toString(),
              Actor.system("register-import-cli"),
              new ConsoleProgressBar(System.out));
      System.out.println("Import " + job.id());
      return job.status() == RegisterImportStatus.DONE ? 0 : 1;
    } catch (SuishenException e) {
      System.out.println(e.code() + ": " + messages.english(e.code(), e.arguments()));
      return 2;
    }
  }
}
