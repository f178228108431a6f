package nl.leerkring.fieldnote;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;

import javax.imageio.ImageIO;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.io.ByteArrayOutputStream;

/** Makes photos the way a phone does: JPEG with EXIF orientation and a GPS position. */
public final class PhoneCamera {

  private PhoneCamera() {
  }

  public static byte[] jpegWithGps(double latitude, double longitude) throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", plain);
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
    exif.setGpsInDegrees(longitude, latitude);
    ByteArrayOutputStream tagged = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), tagged, exif);
    return tagged.toByteArray();
  }

  /**
   * A photo as a phone's camera takes it, {@code width} × {@code height} pixels: a scene of smooth light and a few
   * objects under the sensor's fine grain, which is what keeps a camera's JPEG big (a 4000 × 3000 photo is about
   * 3.5 MB, like the 3.4 MB photo the phone in issue 13 sent), with EXIF orientation and GPS. The stored pixels have a red band
   * along their left edge and a blue one along their right edge: held upright (orientation 6, a quarter turn
   * clockwise) red is at the top and blue at the bottom.
   */
  public static byte[] cameraPhoto(int width, int height, int orientation) throws Exception {
    List<Integer> key = List.of(width, height, orientation);
    byte[] made = TAKEN.get(key);
    if (made == null) {
      made = TAKEN.computeIfAbsent(key, k -> takePhoto(width, height, orientation));
    }
    return made.clone();
  }

  /** Photos already made in this test run: the same arguments make the same bytes, at a second of CPU each. */
  private static final Map<List<Integer>, byte[]> TAKEN = new ConcurrentHashMap<>();

  private static byte[] takePhoto(int width, int height, int orientation) {
    try {
      return photo(width, height, orientation);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] photo(int width, int height, int orientation) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
    java.util.SplittableRandom grain = new java.util.SplittableRandom(13);
    int band = Math.max(1, width / 10);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r;
        int g;
        int b;
        if (x < band) {
          r = 220; g = 30; b = 30;
        } else if (x >= width - band) {
          r = 30; g = 30; b = 220;
        } else {
          // Light falling across a wall, a darker box on it, and the grain on top.
          r = 90 + 100 * x / width + ((x / 400 + y / 300) % 3 == 0 ? -40 : 0);
          g = 110 + 80 * y / height;
          b = 120 + 60 * (x + y) / (width + height);
        }
        int noise = grain.nextInt(-GRAIN, GRAIN + 1);
        pixels[y * width + x] = clamp(r + noise) << 16 | clamp(g + noise + grain.nextInt(-3, 4)) << 8 | clamp(b + noise);
      }
    }
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
    javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.92f);
    try (var output = ImageIO.createImageOutputStream(plain)) {
      writer.setOutput(output);
      writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
    exif.setGpsInDegrees(6.09, 52.51);
    ByteArrayOutputStream tagged = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), tagged, exif);
    return tagged.toByteArray();
  }

  /** How far the grain moves a pixel's colour, up or down. */
  private static final int GRAIN = 9;

  private static int clamp(int value) {
    return Math.max(0, Math.min(255, value));
  }

  /** The camera's photo of issue 13: 4000 × 3000 pixels, held upright (orientation 6), made once per test run. */
  public static byte[] issueThirteenPhoto() throws Exception {
    return cameraPhoto(4000, 3000, 6);
  }

  /**
   * A photo as a camera app or photo editor leaves it: besides EXIF (orientation, GPS) an IPTC block with
   * city and street, and a JPEG comment.
   */
  static byte[] jpegWithEverything(String city, String subLocation, String comment) throws Exception {
    byte[] exifTagged = jpegWithGps(52.51, 6.09);
    ByteArrayOutputStream withIptc = new ByteArrayOutputStream();
    new JpegIptcRewriter().writeIptc(exifTagged, withIptc, new PhotoshopApp13Data(
        List.of(new IptcRecord(IptcTypes.CITY, city), new IptcRecord(IptcTypes.SUBLOCATION, subLocation)),
        List.of()));
    byte[] bytes = withIptc.toByteArray();
    byte[] text = comment.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, 2);
    out.write(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) ((text.length + 2) >> 8), (byte) (text.length + 2)});
    out.write(text);
    out.write(bytes, 2, bytes.length - 2);
    return out.toByteArray();
  }

  /** A PNG that is tiny on the wire and huge once decoded. */
  static byte[] hugePng(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  public static boolean hasGps(byte[] jpeg) throws Exception {
    TiffImageMetadata exif = exif(jpeg);
    return exif != null && exif.getGpsInfo() != null;
  }

  static int orientation(byte[] jpeg) throws Exception {
    TiffImageMetadata exif = exif(jpeg);
    TiffField field = exif == null ? null : exif.findField(TiffTagConstants.TIFF_TAG_ORIENTATION);
    return field == null ? 0 : field.getIntValue();
  }

  private static TiffImageMetadata exif(byte[] jpeg) throws Exception {
    ImageMetadata metadata = Imaging.getMetadata(jpeg);
    return metadata instanceof JpegImageMetadata j ? j.getExif() : null;
  }
}
