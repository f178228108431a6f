package nl.leerkring.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * An invitation link as a QR code to scan with a phone, drawn here as SVG path data: the token never goes
 * to an outside service, and the code stays sharp at any size and on paper.
 */
public final class QrCode {

  private static final int QUIET_ZONE = 4;

  private QrCode() {
  }

  /** {@code size} (modules, quiet zone included) for the viewBox and {@code path}: one square per dark module. */
  public static JsonObject of(String text) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot draw a QR code of " + text.length() + " characters", e);
    }
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      int x = 0;
      while (x < matrix.getWidth()) {
        if (!matrix.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < matrix.getWidth() && matrix.get(x, y)) {
          x++;
        }
        // One rectangle per horizontal run keeps the path short.
        path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
            .append(x - start).append('z');
      }
    }
    return new JsonObject().put("size", matrix.getWidth()).put("path", path.toString());
  }
}
