package org.suishen.demo.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.suishen.identity.DocumentType;
import org.suishen.identity.RegisterImports;
import org.suishen.identity.ResidentIdNumbers;
import org.suishen.identity.Sex;

/**
 * Writes a population register CSV (the format of {@link RegisterImports}) of any size, streaming,
 * the same bytes for the same seed and reference date. Households of 1 to 6 people (couples,
 * children, grandparents); about 70 % born in Shanghai (regions 3101xx), the rest in other
 * provinces; some minority names with a middle dot (阿依古丽·买买提); about 2 % foreigners and people from
 * Hong Kong, Macao and Taiwan with their documents; about 1 % disability certificates. Every row is
 * valid and every document unique.
 *
 * <p>{@code java -cp ... org.suishen.demo.generator.PopulationGenerator <rows> <file> [seed]
 * [reference-date]} (see bench/generate-register).
 */
public final class PopulationGenerator {

  /** Ages are counted back from this day unless another is given (the seeds' era). */
  public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2022, 6, 1);

  private static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);

  private static final String[] SHANGHAI_REGIONS = {
    "310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112", "310113",
    "310114", "310115", "310116", "310117", "310118", "310120", "310151"
  };

  /** The city's sixteen districts, the register's {@code district} column. */
  public static final List<String> DISTRICTS =
      List.of(
          "黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区", "浦东新区", "金山区",
          "松江区", "青浦区", "奉贤区", "崇明区");

  private static final String[] OTHER_REGIONS = {
    "320102", "320506", "330106", "330203", "340104", "110101", "120101", "130102", "140105",
    "150102", "210102", "220102", "230102", "350102", "360102", "370102", "410102", "420102",
    "430102", "440106", "450102", "460105", "500101", "510104", "520102", "530102", "540102",
    "610102", "620102", "630102", "640104", "650102"
  };
  private static final String XINJIANG = "650102";
  private static final String[] HMT_PREFIXES = {"810000", "820000", "830000"};
  private static final int[] NATIONALITIES = {840, 392, 410, 276, 250, 826, 36, 124, 702, 643};
  private static final String[] NATIONALITY_LETTERS = {
    "USA", "JPN", "KOR", "DEU", "FRA", "GBR", "AUS", "CAN", "SGP", "RUS"
  };

  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢傅钟姜崔谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String MALE_GIVEN = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣峰建国志文博晨昊天瑞泽子轩";
  private static final String FEMALE_GIVEN = "芳娜敏静丽艳娟霞秀玲桂英兰萍红梅琳燕雪慧颖婷倩琴云莉晶佳怡欣悦诗涵雨梓萱思彤";
  private static final String[] UYGHUR_MALE = {
    "买买提", "艾力", "阿不都拉", "吐尔逊", "艾买提", "司马义", "努尔", "热合曼", "依明", "阿里木"
  };
  private static final String[] UYGHUR_FEMALE = {
    "阿依古丽", "古丽娜尔", "热依拉", "帕提古丽", "迪丽努尔", "米热古丽", "阿娜尔", "再努尔", "布丽布丽", "努尔古丽"
  };
  private static final String[] LATIN_GIVEN = {
    "John", "Mary", "James", "Anna", "Peter", "Laura", "David", "Sophie", "Thomas", "Emma", "Kenji",
    "Yuki", "Min-jun", "Ji-woo", "Lukas", "Marie"
  };
  private static final String[] LATIN_FAMILY = {
    "SMITH", "JOHNSON", "BROWN", "MÜLLER", "MARTIN", "TANAKA", "SATO", "KIM", "PARK", "DUBOIS",
    "WILSON", "TAYLOR", "NGUYEN", "IVANOV", "O'BRIEN", "GARCIA"
  };

  private final SplittableRandom random;
  private final LocalDate referenceDate;
  private final String[] regions;
  private final int days;
  private final short[] used;
  private long serial;
  private long household;
  private long person;

  public PopulationGenerator(long seed, LocalDate referenceDate) {
    this.random = new SplittableRandom(seed);
    this.referenceDate = referenceDate;
    this.regions = new String[SHANGHAI_REGIONS.length + OTHER_REGIONS.length + 3 + 10];
    int r = 0;
    for (String region : SHANGHAI_REGIONS) {
      regions[r++] = region;
    }
    for (String region : OTHER_REGIONS) {
      regions[r++] = region;
    }
    for (String prefix : HMT_PREFIXES) {
      regions[r++] = prefix;
    }
    for (int nationality : NATIONALITIES) {
      regions[r++] = "9" + nationality;
    }
    this.days = (int) ChronoUnit.DAYS.between(EPOCH, referenceDate) + 1;
    this.used = new short[regions.length * days * 2];
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: PopulationGenerator <rows> <file> [seed] [reference-date, default "
              + DEFAULT_REFERENCE_DATE
              + "]");
      System.exit(2);
    }
    long rows = Long.parseLong(args[0].replace("_", ""));
    Path file = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    LocalDate reference = args.length > 3 ? LocalDate.parse(args[3]) : DEFAULT_REFERENCE_DATE;
    long started = System.nanoTime();
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      new PopulationGenerator(seed, reference).write(rows, out);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "Wrote %,d rows to %s (%,d bytes) in %.1f s%n", rows, file, Files.size(file), seconds);
  }

  /** Writes the header and {@code rows} persons. */
  public void write(long rows, Writer out) throws IOException {
    out.write(RegisterImports.HEADER);
    out.write('\n');
    var line = new StringBuilder(160);
    while (person < rows) {
      household++;
      int size = householdSize();
      double kind = random.nextDouble();
      if (kind < 0.03) {
        writeForeigners(Math.min(size, 2), rows, out, line);
      } else {
        writeFamily(size, kind < 0.045, rows, out, line);
      }
    }
  }

  private int householdSize() {
    double p = random.nextDouble();
    if (p < 0.25) {
      return 1;
    }
    if (p < 0.55) {
      return 2;
    }
    if (p < 0.80) {
      return 3;
    }
    if (p < 0.90) {
      return 4;
    }
    return p < 0.96 ? 5 : 6;
  }

  /** A Chinese family: couple, children, grandparents; one region of origin, one district. */
  private void writeFamily(int size, boolean uyghur, long rows, Writer out, StringBuilder line)
      throws IOException {
    int regionIndex =
        uyghur
            ? SHANGHAI_REGIONS.length + indexOf(OTHER_REGIONS, XINJIANG)
            : random.nextDouble() < 0.7
                ? random.nextInt(SHANGHAI_REGIONS.length)
                : SHANGHAI_REGIONS.length + random.nextInt(OTHER_REGIONS.length);
    String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
    char surname = SURNAMES.charAt(random.nextInt(SURNAMES.length()));
    @org.jspecify.annotations.Nullable String fatherGiven = uyghur ? pick(UYGHUR_MALE) : null;
    if (size == 1) {
      Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
      int age = 18 + random.nextInt(75);
      member(
          regionIndex,
          district,
          chineseName(surname, sex, uyghur, null),
          sex,
          age,
          rows,
          out,
          line);
      return;
    }
    int parentAge =
        size == 2 && random.nextDouble() < 0.4 ? 60 + random.nextInt(30) : 25 + random.nextInt(30);
    String father =
        uyghur
            ? fatherGiven + "·" + pick(UYGHUR_MALE)
            : chineseName(surname, Sex.MALE, false, null);
    member(regionIndex, district, father, Sex.MALE, parentAge, rows, out, line);
    char motherSurname = SURNAMES.charAt(random.nextInt(SURNAMES.length()));
    String mother =
        uyghur
            ? pick(UYGHUR_FEMALE) + "·" + pick(UYGHUR_MALE)
            : chineseName(motherSurname, Sex.FEMALE, false, null);
    member(
        regionIndex,
        district,
        mother,
        Sex.FEMALE,
        Math.max(18, parentAge - 3 + random.nextInt(6)),
        rows,
        out,
        line);
    int children = size == 2 ? 0 : size == 4 || size == 6 ? 2 : 1;
    int grandparents = size - 2 - children;
    for (int c = 0; c < children; c++) {
      Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
      int age = Math.min(17, Math.max(0, parentAge - 22 - random.nextInt(10)));
      member(
          regionIndex,
          district,
          chineseName(surname, sex, uyghur, fatherGiven),
          sex,
          age,
          rows,
          out,
          line);
    }
    for (int g = 0; g < grandparents; g++) {
      Sex sex = g == 0 ? Sex.MALE : Sex.FEMALE;
      int age = Math.min(100, parentAge + 25 + random.nextInt(10));
      String name =
          g == 0
              ? chineseName(surname, sex, uyghur, null)
              : chineseName(SURNAMES.charAt(random.nextInt(SURNAMES.length())), sex, uyghur, null);
      member(regionIndex, district, name, sex, age, rows, out, line);
    }
  }

  private String chineseName(
      char surname,
      Sex sex,
      boolean uyghur,
      @org.jspecify.annotations.Nullable String fatherGiven) {
    if (uyghur) {
      String given = sex == Sex.MALE ? pick(UYGHUR_MALE) : pick(UYGHUR_FEMALE);
      return given + "·" + (fatherGiven != null ? fatherGiven : pick(UYGHUR_MALE));
    }
    String pool = sex == Sex.MALE ? MALE_GIVEN : FEMALE_GIVEN;
    var name =
        new StringBuilder(3).append(surname).append(pool.charAt(random.nextInt(pool.length())));
    if (random.nextDouble() < 0.7) {
      name.append(pool.charAt(random.nextInt(pool.length())));
    }
    return name.toString();
  }

  private void member(
      int regionIndex,
      String district,
      String name,
      Sex sex,
      int age,
      long rows,
      Writer out,
      StringBuilder line)
      throws IOException {
    if (person >= rows) {
      return;
    }
    LocalDate birth = birthDate(age);
    int dayIndex = dayIndex(regionIndex, birth, sex);
    birth = EPOCH.plusDays(dayIndex);
    int sequence = ResidentIdNumbers.sequenceFor(used[slot(regionIndex, dayIndex, sex)]++, sex);
    String number = ResidentIdNumbers.generate(regions[regionIndex], birth, sequence);
    row(DocumentType.RESIDENT_ID, number, name, sex, birth, district, out, line);
  }

  /** One or two foreigners, or people from Hong Kong, Macao or Taiwan, with their documents. */
  private void writeForeigners(int size, long rows, Writer out, StringBuilder line)
      throws IOException {
    String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
    int kind = random.nextInt(6);
    String family = pick(LATIN_FAMILY);
    char surname = SURNAMES.charAt(random.nextInt(SURNAMES.length()));
    for (int i = 0; i < size && person < rows; i++) {
      Sex sex = i == 0 ? Sex.MALE : Sex.FEMALE;
      int age = 20 + random.nextInt(60);
      LocalDate birth = birthDate(age);
      long s = ++serial;
      switch (kind) {
        case 0 ->
            row(
                DocumentType.FOREIGN_PASSPORT,
                (char) ('A' + random.nextInt(26)) + pad(s, 8),
                pick(LATIN_GIVEN) + " " + family,
                sex,
                birth,
                district,
                out,
                line);
        case 1 -> {
          int n = random.nextInt(NATIONALITIES.length);
          if (random.nextBoolean()) {
            row(
                DocumentType.FOREIGN_PERMANENT_RESIDENCE_CARD,
                NATIONALITY_LETTERS[n] + "31" + pad(s, 10),
                pick(LATIN_GIVEN) + " " + family,
                sex,
                birth,
                district,
                out,
                line);
          } else {
            int regionIndex = SHANGHAI_REGIONS.length + OTHER_REGIONS.length + 3 + n;
            int dayIndex = dayIndex(regionIndex, birth, sex);
            birth = EPOCH.plusDays(dayIndex);
            int sequence =
                ResidentIdNumbers.sequenceFor(used[slot(regionIndex, dayIndex, sex)]++, sex);
            row(
                DocumentType.FOREIGN_PERMANENT_RESIDENCE_CARD,
                ResidentIdNumbers.permanentResidenceCard(31, NATIONALITIES[n], birth, sequence),
                pick(LATIN_GIVEN) + " " + family,
                sex,
                birth,
                district,
                out,
                line);
          }
        }
        case 2 ->
            row(
                DocumentType.HK_MACAO_TRAVEL_PERMIT,
                (random.nextBoolean() ? "H" : "M") + pad(s, 8),
                chineseName(surname, sex, false, null),
                sex,
                birth,
                district,
                out,
                line);
        case 3 ->
            row(
                DocumentType.TAIWAN_TRAVEL_PERMIT,
                pad(s, 8),
                chineseName(surname, sex, false, null),
                sex,
                birth,
                district,
                out,
                line);
        default -> {
          int p = random.nextInt(HMT_PREFIXES.length);
          int regionIndex = SHANGHAI_REGIONS.length + OTHER_REGIONS.length + p;
          int dayIndex = dayIndex(regionIndex, birth, sex);
          birth = EPOCH.plusDays(dayIndex);
          int sequence =
              ResidentIdNumbers.sequenceFor(used[slot(regionIndex, dayIndex, sex)]++, sex);
          row(
              DocumentType.HMT_RESIDENCE_PERMIT,
              ResidentIdNumbers.hmtResidencePermit(HMT_PREFIXES[p], birth, sequence),
              chineseName(surname, sex, false, null),
              sex,
              birth,
              district,
              out,
              line);
        }
      }
    }
  }

  private void row(
      DocumentType type,
      String number,
      String name,
      Sex sex,
      LocalDate birth,
      String district,
      Writer out,
      StringBuilder line)
      throws IOException {
    person++;
    line.setLength(0);
    line.append(type.name())
        .append(',')
        .append(number)
        .append(',')
        .append(name)
        .append(',')
        .append(sex == Sex.MALE ? 'M' : 'F')
        .append(',')
        .append(birth)
        .append(',')
        .append("SH")
        .append(pad(household, 10))
        .append(',')
        .append(district)
        .append(',')
        .append("photos/")
        .append(pad(person, 10))
        .append(".jpg,")
        .append(random.nextDouble() < 0.01 ? "true" : "false")
        .append('\n');
    out.append(line);
  }

  /** A birth date at the given age on the reference day. */
  private LocalDate birthDate(int age) {
    LocalDate birth = referenceDate.minusYears(age).minusDays(random.nextInt(365));
    return birth.isBefore(EPOCH) ? EPOCH : birth;
  }

  /** The day of the birth date, moved a day earlier while the 500 sequence numbers are used up. */
  private int dayIndex(int regionIndex, LocalDate birth, Sex sex) {
    int day = (int) ChronoUnit.DAYS.between(EPOCH, birth);
    while (used[slot(regionIndex, day, sex)] >= 500) {
      day = day == 0 ? days - 1 : day - 1;
    }
    return day;
  }

  private int slot(int regionIndex, int day, Sex sex) {
    return (regionIndex * days + day) * 2 + (sex == Sex.MALE ? 1 : 0);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static int indexOf(String[] values, String value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i].equals(value)) {
        return i;
      }
    }
    throw new IllegalArgumentException(value);
  }

  private static String pad(long value, int width) {
    String digits = Long.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }
}
