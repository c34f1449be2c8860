package org.suishen.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.PopulationRegister;
import org.suishen.identity.RegisterImports;
import org.suishen.identity.ResidentIdNumbers;
import org.suishen.identity.Sex;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.support.IntegrationTest;

@IntegrationTest
class RegisterImportCommandLineIT {

  @Autowired RegisterImports imports;
  @Autowired IdentityProperties properties;
  @Autowired ErrorMessages messages;
  @Autowired ConfigurableApplicationContext context;
  @Autowired PopulationRegister register;

  private RegisterImportCommandLine commandLine() {
    return new RegisterImportCommandLine(imports, properties, messages, context);
  }

  @Test
  void importsAFileWithAProgressBarAndExitCodeZero() throws Exception {
    LocalDate born = LocalDate.of(1950, 1, 1).plusDays(System.nanoTime() % 20_000);
    String id =
        ResidentIdNumbers.generate("310115", born, (int) (System.nanoTime() % 500), Sex.FEMALE);
    Path file = Files.createTempFile("register-cli", ".csv");
    Files.writeString(
        file, RegisterImports.HEADER + "\nRESIDENT_ID," + id + ",陈静,F," + born + ",,浦东新区,,false\n");
    var out = new ByteArrayOutputStream();

    int exit = commandLine().importFile(file, new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("[##############################] 100 %")
        .contains("DONE: 1 rows read, 0 rejected, 1 new persons");
    assertThat(register.findByDocument(IdentityDocument.of(DocumentType.RESIDENT_ID, id)))
        .isPresent();
    Files.delete(file);
  }

  @Test
  void refusesAMissingFileOrAWrongHeaderWithExitCodeTwo() throws Exception {
    var out = new ByteArrayOutputStream();
    var print = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(commandLine().importFile(Path.of("/nonexistent/register.csv"), print)).isEqualTo(2);

    Path file = Files.createTempFile("register-cli", ".csv");
    Files.writeString(file, "a,b,c\n1,2,3\n");
    assertThat(commandLine().importFile(file, print)).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Cannot read")
        .contains("identity.import.header: The first line of the file must be the header");
    Files.delete(file);
  }
}
