package org.suishen.healthcode.internal.code;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.PersonPhotos;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.identity.Person;

/**
 * The authority's photo library (H3): a folder of images, {@code Person.photoFile} relative to it.
 * Paths that leave the folder are refused.
 */
@Component
public class PhotoLibrary implements PersonPhotos {

  private static final byte[] PLACEHOLDER =
      ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 150\">"
              + "<rect width=\"120\" height=\"150\" fill=\"#e3e3e8\"/>"
              + "<circle cx=\"60\" cy=\"55\" r=\"26\" fill=\"#b5b5bd\"/>"
              + "<path d=\"M18 150c0-32 19-52 42-52s42 20 42 52z\" fill=\"#b5b5bd\"/></svg>")
          .getBytes(StandardCharsets.UTF_8);

  private static final Logger log = LoggerFactory.getLogger(PhotoLibrary.class);
  private static final Map<String, MediaType> TYPES =
      Map.of(
          "jpg", MediaType.IMAGE_JPEG,
          "jpeg", MediaType.IMAGE_JPEG,
          "png", MediaType.IMAGE_PNG,
          "webp", MediaType.parseMediaType("image/webp"),
          "gif", MediaType.IMAGE_GIF);

  private final Path directory;

  PhotoLibrary(HealthCodeProperties properties) {
    this.directory = Path.of(properties.photoDirectory()).toAbsolutePath().normalize();
  }

  @Override
  public PersonPhoto photoOf(Person person) {
    return find(person)
        .map(p -> new PersonPhoto(p.bytes(), p.type().toString(), false))
        .orElseGet(() -> new PersonPhoto(PLACEHOLDER.clone(), "image/svg+xml", true));
  }

  /** Without reading the image: the register names a file and the folder has it. */
  @Override
  public boolean hasPhoto(Person person) {
    return path(person).isPresent();
  }

  private Optional<Path> path(Person person) {
    String file = person.photoFile();
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    Path path = directory.resolve(file).normalize();
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    MediaType type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    return path.startsWith(directory) && type != null && Files.isRegularFile(path)
        ? Optional.of(path)
        : Optional.empty();
  }

  /** The person's photo from the library, if it has one. */
  private Optional<Photo> find(Person person) {
    Path path = path(person).orElse(null);
    if (path == null) {
      return Optional.empty();
    }
    String name = path.getFileName().toString();
    MediaType type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    try {
      return Optional.of(new Photo(Files.readAllBytes(path), type));
    } catch (IOException e) {
      log.warn("Cannot read the photo of person {}", person.id(), e);
      return Optional.empty();
    }
  }

  /** An image and its media type. */
  private record Photo(byte[] bytes, MediaType type) {}
}
