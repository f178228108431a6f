package nl.leerkring.fieldnote;

import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Keeps only the picture of a photo, in the two sizes pages show. A phone photo of the shop floor can tell a
 * customer's home address in many places: EXIF GPS, XMP, IPTC city and street, a comment. Rather than hunt for
 * each, the photo is decoded, turned upright by its EXIF orientation (the pixels themselves, so no EXIF is
 * needed afterwards), scaled down and encoded again, which writes none of them. A camera's 4000 × 3000 photo
 * of 3 MB or more becomes a display size of at most {@link #DISPLAY} pixels on its longest side and a thumbnail
 * of at most {@link #THUMBNAIL}, which is what a phone's screen can show. The size in pixels is read from the
 * header first: a small file may decode to a picture that fills the memory. Blocking: call on a worker.
 */
final class Photos {

  /** About 60 megapixels: the largest phone cameras' full-size photos pass, decompression bombs do not. */
  static final long MAX_PIXELS = 60_000_000L;
  /** The longest side of the size a note's page shows: a laptop's column, or a phone with a sharp screen. */
  static final int DISPLAY = 1600;
  /** The longest side of the size cards and phones show. */
  static final int THUMBNAIL = 480;
  private static final float DISPLAY_QUALITY = 0.85f;
  private static final float THUMBNAIL_QUALITY = 0.8f;

  /** Thrown for bytes that are not the image they claim to be. */
  static final class NotAnImage extends Exception {
    NotAnImage(String message) {
      super(message);
    }
  }

  /** Thrown for an image with more pixels than {@link #MAX_PIXELS}. */
  static final class TooManyPixels extends Exception {
    TooManyPixels(long pixels) {
      super("The photo has " + pixels / 1_000_000 + " megapixels; at most " + MAX_PIXELS / 1_000_000
          + " megapixels are accepted.");
    }
  }

  private Photos() {
  }

  /** One size of a photo: its encoded bytes and its size in pixels. */
  record Picture(byte[] bytes, int width, int height) {
  }

  /** A photo in both sizes, of one type (a JPEG stays a JPEG, a PNG a PNG). */
  record Sized(String contentType, Picture display, Picture thumbnail) {
  }

  /** The format is read from the bytes themselves, never taken from what the client claims. */
  static Sized sized(byte[] bytes) throws NotAnImage, TooManyPixels {
    try {
      var format = Imaging.guessFormat(bytes);
      if (format == ImageFormats.JPEG) {
        return sized(upright(scaled(decode(bytes), DISPLAY), orientation(bytes)), "jpg", "image/jpeg");
      }
      if (format == ImageFormats.PNG) {
        return sized(scaled(decode(bytes), DISPLAY), "png", "image/png");
      }
    } catch (IOException | RuntimeException e) {
      // A truncated or crafted file makes the decoders throw all sorts of things; all mean "not a photo".
      throw new NotAnImage("The photo could not be read.");
    }
    throw new NotAnImage("Send a JPEG or PNG photo.");
  }

  private static Sized sized(BufferedImage display, String format, String contentType) throws IOException {
    BufferedImage thumbnail = scaled(display, THUMBNAIL);
    return new Sized(contentType, picture(display, format, DISPLAY_QUALITY),
        picture(thumbnail, format, THUMBNAIL_QUALITY));
  }

  private static Picture picture(BufferedImage image, String format, float quality) throws IOException {
    return new Picture(encode(image, format, quality), image.getWidth(), image.getHeight());
  }

  /** The width and height that fit {@code longest} on the longest side, keeping the shape; never larger. */
  static int[] fitted(int width, int height, int longest) {
    int side = Math.max(width, height);
    if (side <= longest) {
      return new int[] {width, height};
    }
    double scale = (double) longest / side;
    return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
  }

  /**
   * The picture at most {@code longest} pixels on its longest side. Halving with bilinear interpolation until
   * the last step, then bicubic, lets every source pixel count: one big bilinear step would skip most of them
   * and show the grain and jagged edges of a nearest-pixel picture.
   */
  static BufferedImage scaled(BufferedImage image, int longest) {
    int[] target = fitted(image.getWidth(), image.getHeight(), longest);
    BufferedImage current = image;
    int width = image.getWidth();
    int height = image.getHeight();
    while (width / 2 >= target[0] && height / 2 >= target[1] && width > target[0]) {
      width /= 2;
      height /= 2;
      current = redrawn(current, width, height, null, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }
    return redrawn(current, target[0], target[1], null, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
  }

  /**
   * The picture as the camera meant it to be seen: EXIF orientation 2 to 8 mirrors and turns the stored pixels
   * (6 is a phone held upright: a quarter turn clockwise). Other values leave it as it is.
   */
  static BufferedImage upright(BufferedImage image, int orientation) {
    int w = image.getWidth();
    int h = image.getHeight();
    // x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12, over the pixels' areas (so w and h, not w - 1).
    AffineTransform turn = switch (orientation) {
      case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
      case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
      case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
      case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
      default -> null;
    };
    if (turn == null) {
      return image;
    }
    boolean sideways = orientation >= 5;
    return redrawn(image, sideways ? h : w, sideways ? w : h, turn, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
  }

  /**
   * The picture drawn anew at this size (or through {@code turn}, which then maps it onto the new size), into
   * plain RGB (or ARGB when it has transparency), which both encoders write as they are.
   */
  private static BufferedImage redrawn(BufferedImage image, int width, int height, AffineTransform turn,
                                       Object interpolation) {
    boolean alpha = image.getColorModel().hasAlpha();
    BufferedImage out = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      if (turn != null) {
        g.drawImage(image, turn, null);
      } else {
        g.drawImage(image, 0, 0, width, height, null);
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  private static BufferedImage decode(byte[] bytes) throws IOException, TooManyPixels {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw new IOException("no reader");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw new TooManyPixels(pixels);
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    }
  }

  /** Encoded with no metadata at all: the writer gets none to write. */
  private static byte[] encode(BufferedImage image, String format, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if ("jpg".equals(format)) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** The EXIF orientation (1 to 8), or 0 when the photo has none. */
  private static int orientation(byte[] jpeg) throws IOException {
    if (!(Imaging.getMetadata(jpeg) instanceof JpegImageMetadata metadata) || metadata.getExif() == null) {
      return 0;
    }
    TiffField field = metadata.getExif().findField(TiffTagConstants.TIFF_TAG_ORIENTATION);
    return field == null ? 0 : field.getIntValue();
  }
}
