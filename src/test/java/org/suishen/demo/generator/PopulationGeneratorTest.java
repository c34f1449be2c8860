package org.suishen.demo.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Names;
import org.suishen.identity.RegisterImports;

class PopulationGeneratorTest {

  private static final LocalDate REFERENCE = PopulationGenerator.DEFAULT_REFERENCE_DATE;

  private static List<String> generate(long rows, long seed) throws IOException {
    var out = new StringWriter();
    new PopulationGenerator(seed, REFERENCE).write(rows, out);
    return out.toString().lines().toList();
  }

  @Test
  void writesTheHeaderAndExactlyTheRowsAskedFor() throws IOException {
    List<String> lines = generate(1234, 1);
    assertThat(lines.getFirst()).isEqualTo(RegisterImports.HEADER);
    assertThat(lines).hasSize(1235);
  }

  @Test
  void isDeterministicBySeed() throws IOException {
    assertThat(generate(2000, 7)).isEqualTo(generate(2000, 7));
    assertThat(generate(2000, 7)).isNotEqualTo(generate(2000, 8));
  }

  @Test
  void writesValidUniqueDocumentsAndARealisticPopulation() throws IOException {
    List<String> rows = generate(50_000, 42).subList(1, 50_001);
    var documents = new HashSet<String>();
    var households = new HashMap<String, Integer>();
    Map<DocumentType, Integer> types = new HashMap<>();
    int shanghai = 0;
    int minority = 0;
    int disabled = 0;
    int children = 0;
    int elderly = 0;
    for (String row : rows) {
      String[] f = row.split(",", -1);
      assertThat(f).hasSize(9);
      var document = IdentityDocument.of(DocumentType.parse(f[0]), f[1], REFERENCE);
      assertThat(documents.add(f[0] + f[1])).isTrue();
      LocalDate born = LocalDate.parse(f[4]);
      document.embeddedBirthDate().ifPresent(d -> assertThat(d).isEqualTo(born));
      assertThat(Names.normalise(f[2])).isNotEmpty();
      types.merge(document.type(), 1, Integer::sum);
      households.merge(f[5], 1, Integer::sum);
      shanghai += f[1].startsWith("3101") ? 1 : 0;
      minority += f[2].contains("·") ? 1 : 0;
      disabled += f[8].equals("true") ? 1 : 0;
      int age = java.time.Period.between(born, REFERENCE).getYears();
      children += age < 18 ? 1 : 0;
      elderly += age >= 60 ? 1 : 0;
    }
    int others = rows.size() - types.get(DocumentType.RESIDENT_ID);
    assertThat(others).isBetween(500, 1500);
    assertThat(types.keySet()).containsAll(List.of(DocumentType.values()));
    assertThat(shanghai).isBetween(30_000, 40_000);
    assertThat(minority).isBetween(200, 2000);
    assertThat(disabled).isBetween(300, 700);
    assertThat(children).isGreaterThan(3000);
    assertThat(elderly).isGreaterThan(3000);
    assertThat(households.values()).allMatch(size -> size >= 1 && size <= 6);
    assertThat(households.values()).contains(1, 2, 3, 4, 5, 6);
  }
}
