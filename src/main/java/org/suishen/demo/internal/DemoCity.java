package org.suishen.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.suishen.accounts.AccountProvisioning;
import org.suishen.demo.generator.PopulationGenerator;
import org.suishen.identity.RegisterImports;
import org.suishen.sampling.SamplingSetup;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.Role;
import org.suishen.venues.VenueSetup;

/**
 * Seeds the demo city on the first start of the {@code demo} profile: a generated population
 * register (households with children and elderly, foreigners), one staff account per role and one
 * device per device kind; then prints how to log in. A restart finds the register filled and only
 * prints.
 */
@Component
@Profile("demo")
@Order(100)
class DemoCity implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoCity.class);
  private static final Actor DEMO = Actor.system("demo-city");

  private static final int PHOTO_HOUSEHOLDS = 200;

  static final Map<String, Role> STAFF = new LinkedHashMap<>();
  static final Map<String, Role> DEVICES = new LinkedHashMap<>();

  static {
    STAFF.put("demo.reviewer", Role.APPEAL_REVIEWER);
    STAFF.put("demo.authority", Role.HEALTH_AUTHORITY);
    STAFF.put("demo.authority2", Role.HEALTH_AUTHORITY);
    STAFF.put("demo.sampler", Role.SAMPLER);
    STAFF.put("demo.lab", Role.LAB);
    STAFF.put("demo.venue", Role.VENUE_STAFF);
    STAFF.put("demo.auditor", Role.AUDITOR);
    STAFF.put("demo.operator", Role.OPERATOR);
    DEVICES.put("kiosk-0001", Role.SELF_SERVICE_KIOSK);
    DEVICES.put("bank-kiosk-0001", Role.BANK_KIOSK);
    DEVICES.put("sampling-0001", Role.SAMPLING_TERMINAL);
    DEVICES.put("sentinel-0001", Role.VENUE_SENTINEL);
  }

  private final RegisterImports imports;
  private final SamplingSetup sampling;
  private final VenueSetup venues;
  private final AccountProvisioning accounts;
  private final DemoCityProperties properties;
  private final Clock clock;
  private final Path work;
  private final Path photos;
  private final String adminUsername;
  private final String adminPassword;

  DemoCity(
      RegisterImports imports,
      SamplingSetup sampling,
      VenueSetup venues,
      AccountProvisioning accounts,
      DemoCityProperties properties,
      Clock clock,
      @Value("${suishen.accounts.bootstrap-admin.username}") String adminUsername,
      @Value("${suishen.accounts.bootstrap-admin.password:}") String adminPassword,
      @Value("${suishen.healthcode.photo-directory}") String photoDirectory) {
    this.photos = Path.of(photoDirectory);
    this.adminUsername = adminUsername;
    this.adminPassword = adminPassword;
    this.imports = imports;
    this.sampling = sampling;
    this.venues = venues;
    this.accounts = accounts;
    this.properties = properties;
    this.clock = clock;
    this.work = Path.of("data", "demo");
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    Files.createDirectories(work);
    Path register = work.resolve("demo-city-register.csv");
    if (!Files.exists(register)) {
      seedRegister(register);
    }
    for (var staff : STAFF.entrySet()) {
      accounts.ensureStaff(
          staff.getKey(),
          "演示账号 demo " + staff.getValue().name(),
          properties.staffPassword(),
          List.of(staff.getValue()),
          DEMO);
    }
    for (var device : DEVICES.entrySet()) {
      accounts.ensureDevice(
          device.getKey(), "演示设备 demo device", device.getValue(), properties.staffPassword(), DEMO);
    }
    // one sampling site with the demo sampler and terminal, one lab with the demo lab staff
    sampling.ensureSite(
        "DEMO-XH-001",
        "天平街道核酸采样点",
        "徐汇区天平路 123 号",
        "徐汇区",
        "天平路街道",
        "天平居委会",
        List.of("demo.sampler", "sampling-0001"),
        DEMO);
    sampling.ensureLab("LAB-DEMO-01", "徐汇区疾控中心实验室", List.of("demo.lab"), DEMO);
    // one mall asking green and a 48 h negative, its sentinel and its staff
    venues.ensureVenue(
        "徐家汇演示商场",
        "徐汇区虹桥路 1 号",
        "徐汇区",
        "徐家汇街道",
        "汇站居委会",
        "MALL",
        "demo.venue",
        48,
        List.of("sentinel-0001", "demo.venue"),
        DEMO);
    List<String[]> family = demoFamily(register);
    String[] withoutPhoto = writePhotos(register, family);
    String instructions = instructions(family, withoutPhoto);
    log.info("Demo city ready{}", instructions);
  }

  private void seedRegister(Path register) throws IOException {
    Path partial = work.resolve("demo-city-register.csv.partial");
    var generator = new PopulationGenerator(properties.seed(), LocalDate.now(clock));
    try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      generator.write(properties.population(), out);
    }
    log.info(
        "Demo city: importing {} generated people into the population register",
        properties.population());
    var job =
        imports.run(
            partial,
            "demo-city-register.csv",
            DEMO,
            progress -> log.debug("Demo city import: {}", progress));
    log.info("Demo city import finished: {}", job);
    Files.move(partial, register);
  }

  /**
   * Synthetic photos for the first {@value #PHOTO_HOUSEHOLDS} households and the demo family, so
   * the photo on the code shows; the demo family's eldest gets none, so "no photo on file: check
   * the ID card" shows too. Returns that person's row.
   */
  private String[] writePhotos(Path register, List<String[]> family) throws IOException {
    String[] eldest =
        family.stream().min(java.util.Comparator.comparing(m -> m[4])).orElse(new String[0]);
    var households = new java.util.HashSet<String>();
    var rows = new ArrayList<String[]>(family);
    try (BufferedReader in = Files.newBufferedReader(register, StandardCharsets.UTF_8)) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",", -1);
        if (f.length >= 8 && (households.size() < PHOTO_HOUSEHOLDS || households.contains(f[5]))) {
          households.add(f[5]);
          rows.add(f);
        } else if (households.size() >= PHOTO_HOUSEHOLDS) {
          break;
        }
      }
    }
    for (String[] row : rows) {
      if (row == eldest || (eldest.length > 1 && row[1].equals(eldest[1])) || row[7].isBlank()) {
        continue;
      }
      SyntheticPhotos.write(photos.resolve(row[7]).normalize(), row[1].hashCode());
    }
    return eldest;
  }

  /** The first household with a working-age adult, a child and someone 60 or older. */
  private List<String[]> demoFamily(Path register) {
    LocalDate today = LocalDate.now(clock);
    Map<String, List<String[]>> households = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(register, StandardCharsets.UTF_8)) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null && households.size() < 5000) {
        String[] f = line.split(",", -1);
        if (f.length >= 6 && !f[5].isBlank() && "RESIDENT_ID".equals(f[0])) {
          households.computeIfAbsent(f[5], k -> new ArrayList<>()).add(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (var members : households.values()) {
      boolean adult = false, child = false, elder = false;
      for (String[] m : members) {
        int age = java.time.Period.between(LocalDate.parse(m[4]), today).getYears();
        adult |= age >= 18 && age < 60;
        child |= age < 18;
        elder |= age >= 60;
      }
      if (adult && child && elder) {
        return members;
      }
    }
    return households.values().stream().findFirst().orElse(List.of());
  }

  private String instructions(List<String[]> family, String[] withoutPhoto) {
    LocalDate today = LocalDate.now(clock);
    var text = new StringBuilder();
    text.append("\n\n================ 随申码 Suishen demo city ================\n");
    text.append("Open http://localhost:8080/  (English: add ?lang=en)\n\n");
    text.append("Citizens: 市民登录 -> any mainland mobile number (e.g. 13800138000) -> 获取验证码;\n");
    text.append(
        "  the one-time code appears at http://localhost:8080/dev/sms (development SMS outbox).\n");
    text.append("  Then register (实名注册) with one of these demo identities, and declare health:\n");
    for (String[] m : family) {
      int age = java.time.Period.between(LocalDate.parse(m[4]), today).getYears();
      text.append(String.format("    %-18s  %s  %s, age %d%n", m[1], m[2], m[0], age));
    }
    text.append("  (same household: bind the child or the elder under 亲属 / dependants)\n");
    if (withoutPhoto.length > 1) {
      text.append(
          String.format(
              "  Photos are synthetic; %s has none, so the code and the scan say \"check the ID"
                  + " card\".%n%n",
              withoutPhoto[1]));
    } else {
      text.append('\n');
    }
    text.append("Staff: http://localhost:8080/staff/login\n");
    text.append(
        String.format(
            "  %-18s %-18s password %s%n",
            adminUsername,
            "ADMINISTRATOR",
            adminPassword.isBlank() ? "(printed once above in this log)" : adminPassword));
    STAFF.forEach(
        (login, role) ->
            text.append(
                String.format(
                    "  %-18s %-18s password %s%n", login, role, properties.staffPassword())));
    text.append("Devices (HTTP Basic):\n");
    DEVICES.forEach(
        (id, role) ->
            text.append(
                String.format(
                    "  %-18s %-18s secret   %s%n", id, role, properties.staffPassword())));
    text.append("API documentation: http://localhost:8080/swagger-ui.html\n");
    text.append("===========================================================\n");
    return text.toString();
  }
}
