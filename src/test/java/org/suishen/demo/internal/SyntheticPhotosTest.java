package org.suishen.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPhotosTest {

  @TempDir Path folder;

  @Test
  void writesAPortraitJpegThatDependsOnlyOnTheSeed() throws Exception {
    Path first = folder.resolve("photos/0000000001.jpg");
    Path same = folder.resolve("photos/0000000002.jpg");
    Path other = folder.resolve("photos/0000000003.jpg");
    SyntheticPhotos.write(first, 42);
    SyntheticPhotos.write(same, 42);
    SyntheticPhotos.write(other, 7);

    BufferedImage image = ImageIO.read(first.toFile());
    assertThat(image.getWidth()).isLessThan(image.getHeight());
    assertThat(Files.readAllBytes(same)).isEqualTo(Files.readAllBytes(first));
    assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(first));
    assertThat(Files.list(folder.resolve("photos")).map(p -> p.getFileName().toString()))
        .noneMatch(name -> name.endsWith(".partial"));
  }

  @Test
  void keepsAPhotoThatIsThereAlready() throws Exception {
    Path file = folder.resolve("kept.jpg");
    Files.write(file, new byte[] {1, 2, 3});
    SyntheticPhotos.write(file, 42);
    assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
  }
}
