package nl.leerkring.fieldnote;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The rules that make a photo's two sizes (no server)")
class PhotosTest {

  @ParameterizedTest(name = "{0} × {1} within {2}: {3} × {4}")
  @CsvSource({
      "4000, 3000, 1600, 1600, 1200",
      "3000, 4000, 1600, 1200, 1600",
      "4000, 3000, 480, 480, 360",
      "1600, 1200, 1600, 1600, 1200",
      "800, 600, 1600, 800, 600",
      "9000, 10, 1600, 1600, 2",
      "10, 9000, 480, 1, 480"})
  @DisplayName("the longest side is brought down to the limit, the shape kept, and nothing is ever made larger")
  void fitted(int width, int height, int longest, int expectedWidth, int expectedHeight) {
    assertArrayEquals(new int[] {expectedWidth, expectedHeight}, Photos.fitted(width, height, longest));
  }

  @Test
  @DisplayName("scaling down averages the pixels: a fine black-and-white grid becomes an even grey, not a pattern")
  void scaledDownAverages() {
    BufferedImage grid = new BufferedImage(1000, 800, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 800; y++) {
      for (int x = 0; x < 1000; x++) {
        grid.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
      }
    }
    BufferedImage small = Photos.scaled(grid, 100);
    assertEquals(100, small.getWidth());
    assertEquals(80, small.getHeight());
    for (int[] at : new int[][] {{10, 10}, {50, 40}, {90, 70}}) {
      int grey = small.getRGB(at[0], at[1]) & 0xFF;
      assertTrue(grey > 100 && grey < 155, "grey, not black or white, at " + at[0] + "," + at[1] + ": " + grey);
    }
  }

  /**
   * The stored pixels have a red corner at the top left and a blue one at the top right; EXIF orientation says
   * how the camera was held, so where those corners must end up when the picture is turned upright.
   */
  @ParameterizedTest(name = "orientation {0}: red at the {1}, blue at the {2}")
  @CsvSource({
      "1, top left, top right",
      "2, top right, top left",
      "3, bottom right, bottom left",
      "4, bottom left, bottom right",
      "5, top left, bottom left",
      "6, top right, bottom right",
      "7, bottom right, top right",
      "8, bottom left, top left"})
  @DisplayName("each EXIF orientation turns and mirrors the pixels themselves, as the camera was held")
  void upright(int orientation, String red, String blue) {
    BufferedImage stored = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
    var g = stored.createGraphics();
    g.setColor(Color.GRAY);
    g.fillRect(0, 0, 60, 40);
    g.setColor(Color.RED);
    g.fillRect(0, 0, 10, 10);
    g.setColor(Color.BLUE);
    g.fillRect(50, 0, 10, 10);
    g.dispose();

    BufferedImage shown = Photos.upright(stored, orientation);
    boolean sideways = orientation >= 5;
    assertEquals(sideways ? 40 : 60, shown.getWidth());
    assertEquals(sideways ? 60 : 40, shown.getHeight());
    assertEquals(Color.RED.getRGB(), corner(shown, red), "red");
    assertEquals(Color.BLUE.getRGB(), corner(shown, blue), "blue");
  }

  private static int corner(BufferedImage image, String where) {
    int x = where.endsWith("left") ? 2 : image.getWidth() - 3;
    int y = where.startsWith("top") ? 2 : image.getHeight() - 3;
    return image.getRGB(x, y);
  }

  @Test
  @DisplayName("a camera's 4000 × 3000 photo held upright becomes a 1200 × 1600 display size and a 360 × 480 thumbnail, "
      + "upright, as JPEGs without EXIF, GPS or anything else")
  void cameraPhoto() throws Exception {
    byte[] camera = PhoneCamera.issueThirteenPhoto();
    assertTrue(PhoneCamera.hasGps(camera) && PhoneCamera.orientation(camera) == 6, "the test photo carries both");

    Photos.Sized sized = Photos.sized(camera);

    assertEquals("image/jpeg", sized.contentType());
    for (Photos.Picture picture : new Photos.Picture[] {sized.display(), sized.thumbnail()}) {
      BufferedImage read = read(picture.bytes());
      assertEquals(picture.width(), read.getWidth());
      assertEquals(picture.height(), read.getHeight());
      assertFalse(PhoneCamera.hasGps(picture.bytes()));
      assertEquals(0, PhoneCamera.orientation(picture.bytes()), "no EXIF at all: the pixels are upright");
      assertFalse(new String(picture.bytes(), StandardCharsets.ISO_8859_1).contains("Exif"), "no EXIF block");
      assertRedOnTop(read);
    }
    assertEquals(1200, sized.display().width());
    assertEquals(1600, sized.display().height());
    assertEquals(360, sized.thumbnail().width());
    assertEquals(480, sized.thumbnail().height());
    assertTrue(sized.display().bytes().length < camera.length / 4,
        "display " + sized.display().bytes().length + " bytes of the camera's " + camera.length);
    assertTrue(sized.thumbnail().bytes().length < 100_000, "thumbnail " + sized.thumbnail().bytes().length + " bytes");
  }

  @Test
  @DisplayName("a PNG stays a PNG (a screenshot keeps its sharp letters), in both sizes")
  void pngStaysPng() throws Exception {
    BufferedImage screenshot = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_ARGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(screenshot, "png", png);

    Photos.Sized sized = Photos.sized(png.toByteArray());

    assertEquals("image/png", sized.contentType());
    assertEquals(1600, read(sized.display().bytes()).getWidth());
    assertEquals(240, read(sized.thumbnail().bytes()).getHeight());
    assertEquals(0x89, sized.thumbnail().bytes()[0] & 0xFF, "a PNG's first byte");
  }

  @Test
  @DisplayName("a small photo is not made larger: both sizes keep its pixels")
  void smallPhotoKeepsItsSize() throws Exception {
    Photos.Sized sized = Photos.sized(PhoneCamera.jpegWithGps(52.37, 4.89));
    assertEquals(48, sized.display().width(), "64 × 48 held upright");
    assertEquals(64, sized.display().height());
    assertEquals(48, sized.thumbnail().width());
  }

  /** The red band along the stored pixels' left edge is at the top once the photo is upright, blue at the bottom. */
  static void assertRedOnTop(BufferedImage upright) {
    Color top = new Color(upright.getRGB(upright.getWidth() / 2, 2));
    Color bottom = new Color(upright.getRGB(upright.getWidth() / 2, upright.getHeight() - 3));
    assertTrue(top.getRed() > 150 && top.getBlue() < 100, "red at the top: " + top);
    assertTrue(bottom.getBlue() > 150 && bottom.getRed() < 100, "blue at the bottom: " + bottom);
  }

  static BufferedImage read(byte[] bytes) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }
}
