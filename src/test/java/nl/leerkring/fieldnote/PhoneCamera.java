package nl.leerkring.fieldnote;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

/** Makes photos the way a phone does: JPEG with EXIF orientation and a GPS position. */
final class PhoneCamera {

  private PhoneCamera() {
  }

  static byte[] jpegWithGps(double latitude, double longitude) throws Exception {
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

  static boolean hasGps(byte[] jpeg) throws Exception {
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
