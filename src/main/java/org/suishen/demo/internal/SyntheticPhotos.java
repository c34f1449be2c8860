package org.suishen.demo.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Drawn stand-ins for the authority's photo library in the demo city (issue 11: the photo feature
 * shows): a head-and-shoulders figure in colours drawn from a seed, no real face and no text. Real
 * deployments point {@code suishen.healthcode.photo-directory} at the authority's library.
 */
final class SyntheticPhotos {

  private static final int WIDTH = 240;
  private static final int HEIGHT = 300;
  private static final Color[] SKIN = {
    new Color(0xF1C9A5), new Color(0xE0AC84), new Color(0xC68C63), new Color(0xF5D7BC)
  };
  private static final Color[] HAIR = {
    new Color(0x1E1B18), new Color(0x3B2A20), new Color(0x6A4E3A), new Color(0xBDB7B0)
  };

  private SyntheticPhotos() {}

  /** Writes a JPEG portrait for {@code seed} to {@code file} unless one is there already. */
  static void write(Path file, long seed) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    var random = new SplittableRandom(seed);
    var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      // the pale blue of an ID photo
      g.setColor(new Color(0xDCE8F5));
      g.fillRect(0, 0, WIDTH, HEIGHT);
      Color skin = SKIN[random.nextInt(SKIN.length)];
      Color hair = HAIR[random.nextInt(HAIR.length)];
      Color shirt = Color.getHSBColor(random.nextFloat(), 0.45f, 0.55f);
      int headWidth = 96 + random.nextInt(20);
      int headHeight = 118 + random.nextInt(16);
      int headX = (WIDTH - headWidth) / 2;
      int headY = 58;
      var shoulders = new Path2D.Double();
      shoulders.moveTo(20, HEIGHT);
      shoulders.curveTo(24, 215, 80, 200, WIDTH / 2.0, 198);
      shoulders.curveTo(WIDTH - 80, 200, WIDTH - 24, 215, WIDTH - 20, HEIGHT);
      shoulders.closePath();
      g.setColor(shirt);
      g.fill(shoulders);
      g.setColor(skin);
      g.fillRect(WIDTH / 2 - 20, headY + headHeight - 20, 40, 50);
      g.setColor(hair);
      g.fill(new Ellipse2D.Double(headX - 8, headY - 14, headWidth + 16, headHeight * 0.75));
      g.setColor(skin);
      g.fill(new Ellipse2D.Double(headX, headY + 12, headWidth, headHeight - 12));
      g.setColor(new Color(0x2B2B2B));
      int eyeY = headY + headHeight / 2;
      g.fill(new Ellipse2D.Double(WIDTH / 2.0 - 24, eyeY, 9, 7));
      g.fill(new Ellipse2D.Double(WIDTH / 2.0 + 15, eyeY, 9, 7));
      g.setColor(skin.darker());
      g.drawArc(WIDTH / 2 - 14, eyeY + 22, 28, 14, 200, 140);
    } finally {
      g.dispose();
    }
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    if (!ImageIO.write(image, "jpg", partial.toFile())) {
      throw new IOException("No JPEG writer");
    }
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
