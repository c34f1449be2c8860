package org.suishen.healthcode.internal.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.identity.Person;

/**
 * The authority's photo library (H3): a folder of images, {@code Person.photoFile} relative to it.
 * Paths that leave the folder are refused.
 */
@Component
public class PhotoLibrary {

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

  public Optional<Photo> photoOf(Person person) {
    String file = person.photoFile();
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    Path path = directory.resolve(file).normalize();
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    MediaType type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    if (!path.startsWith(directory) || type == null || !Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Photo(Files.readAllBytes(path), type));
    } catch (IOException e) {
      log.warn("Cannot read the photo of person {}", person.id(), e);
      return Optional.empty();
    }
  }

  /** An image and its media type. */
  public record Photo(byte[] bytes, MediaType type) {}
}
