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
