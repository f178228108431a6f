package nl.leerkring.fieldnote;

import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;

/**
 * Removes where a photo was taken before it is stored: a phone photo of the shop floor can otherwise tell a
 * customer's home address. JPEG keeps its other EXIF data (orientation above all) and loses GPS and XMP;
 * PNG is re-encoded, which drops every text and EXIF chunk. Blocking: call on a worker.
 */
final class Photos {

  /** Thrown for bytes that are not the image they claim to be. */
  static final class NotAnImage extends Exception {
    NotAnImage(String message) {
      super(message);
    }
  }

  private Photos() {
  }

  record Photo(byte[] bytes, String contentType) {
  }

  /** The format is read from the bytes themselves, never taken from what the client claims. */
  static Photo withoutLocation(byte[] bytes) throws NotAnImage {
    try {
      var format = Imaging.guessFormat(bytes);
      if (format == ImageFormats.JPEG) {
        return new Photo(jpegWithoutLocation(bytes), "image/jpeg");
      }
      if (format == ImageFormats.PNG) {
        return new Photo(reencodedPng(bytes), "image/png");
      }
    } catch (IOException e) {
      throw new NotAnImage("The photo could not be read.");
    }
    throw new NotAnImage("Send a JPEG or PNG photo.");
  }

  private static byte[] jpegWithoutLocation(byte[] bytes) throws IOException {
    ByteArrayOutputStream withoutXmp = new ByteArrayOutputStream(bytes.length);
    new JpegXmpRewriter().removeXmpXml(bytes, withoutXmp);
    byte[] stripped = withoutXmp.toByteArray();
    ImageMetadata metadata = Imaging.getMetadata(stripped);
    if (!(metadata instanceof JpegImageMetadata jpeg) || jpeg.getExif() == null) {
      return stripped;
    }
    TiffImageMetadata exif = jpeg.getExif();
    TiffOutputSet output = exif.getOutputSet();
    TiffOutputDirectory gps = output.getGpsDirectory();
    if (gps == null) {
      return stripped;
    }
    for (TiffOutputField field : new ArrayList<>(gps.getFields())) {
      gps.removeField(field.tag);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(stripped.length);
    new ExifRewriter().updateExifMetadataLossless(stripped, out, output);
    return out.toByteArray();
  }

  private static byte[] reencodedPng(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null) {
      throw new IOException("unreadable PNG");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
