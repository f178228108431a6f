package nl.leerkring.fieldnote;

import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Keeps only the picture of a photo. A phone photo of the shop floor can tell a customer's home address in
 * many places: EXIF GPS, XMP, IPTC city and street, a comment. Rather than hunt for each, the photo is
 * decoded and encoded again, which writes none of them; only the EXIF orientation is put back, or the photo
 * would show sideways. The size in pixels is read from the header first: a small file may decode to a
 * picture that fills the memory. Blocking: call on a worker.
 */
final class Photos {

  /** About 60 megapixels: the largest phone cameras' full-size photos pass, decompression bombs do not. */
  static final long MAX_PIXELS = 60_000_000L;

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

  record Photo(byte[] bytes, String contentType) {
  }

  /** The format is read from the bytes themselves, never taken from what the client claims. */
  static Photo withoutMetadata(byte[] bytes) throws NotAnImage, TooManyPixels {
    try {
      var format = Imaging.guessFormat(bytes);
      if (format == ImageFormats.JPEG) {
        return new Photo(withOrientation(encode(decode(bytes), "jpg"), orientation(bytes)), "image/jpeg");
      }
      if (format == ImageFormats.PNG) {
        return new Photo(encode(decode(bytes), "png"), "image/png");
      }
    } catch (IOException | RuntimeException e) {
      // A truncated or crafted file makes the decoders throw all sorts of things; all mean "not a photo".
      throw new NotAnImage("The photo could not be read.");
    }
    throw new NotAnImage("Send a JPEG or PNG photo.");
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

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if ("jpg".equals(format)) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
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

  private static byte[] withOrientation(byte[] jpeg, int orientation) throws IOException {
    if (orientation < 2 || orientation > 8) {
      return jpeg;
    }
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 128);
    new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
    return out.toByteArray();
  }
}
