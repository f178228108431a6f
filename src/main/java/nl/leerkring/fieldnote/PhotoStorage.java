package nl.leerkring.fieldnote;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;

import java.util.Set;

/**
 * The photos people attach (to a field note, to a learning snack), in one collection: checked for size, cleaned
 * of everything but the picture and scaled to a display size and a thumbnail ({@link Photos}) before anything is
 * stored, and read back by their id, both sizes in one document (so removing it removes both). What a photo
 * belongs to decides who may see it; that rule stays with the owner's feature. A photo stored before there were
 * two sizes has only its one picture, which then serves as both.
 */
public final class PhotoStorage {

  static final String PHOTOS = "photos";
  /** The display size keeps the field the one picture of a photo stored before there were two sizes had. */
  private static final String DISPLAY = "data";
  private static final String THUMBNAIL = "thumbnail";
  private static final Set<String> PROBLEMS = Set.of("empty_photo", "photo_too_large", "not_an_image",
      "photo_too_many_pixels");

  private final Vertx vertx;
  private final Database db;
  private final long maxBytes;

  public PhotoStorage(Vertx vertx, Database db, long maxBytes) {
    this.vertx = vertx;
    this.db = db;
    this.maxBytes = maxBytes;
  }

  /** A photo with its metadata removed, in both sizes, ready to store. */
  public record Clean(String contentType, byte[] display, byte[] thumbnail, PhotoSizes sizes) {
  }

  /** A stored photo as it is sent back: its type and bytes. */
  public record StoredPhoto(String contentType, Buffer bytes) {
  }

  /** An empty or too large upload is refused before it is decoded. */
  public Future<Void> checkSize(Buffer bytes) {
    if (bytes == null || bytes.length() == 0) {
      return Future.failedFuture(Problem.badRequest("empty_photo", "The photo is empty."));
    }
    if (bytes.length() > maxBytes) {
      return Future.failedFuture(Problem.status(413, "photo_too_large",
          "The photo is larger than " + (maxBytes / (1024 * 1024)) + " MB."));
    }
    return Future.succeededFuture();
  }

  /** Everything but the picture is removed before it is stored (see {@link Photos}). */
  public Future<Clean> clean(Buffer bytes) {
    return checkSize(bytes).compose(ok -> vertx.executeBlocking(() -> {
      try {
        Photos.Sized photo = Photos.sized(bytes.getBytes());
        return new Clean(photo.contentType(), photo.display().bytes(), photo.thumbnail().bytes(),
            new PhotoSizes(photo.display().width(), photo.display().height(), photo.thumbnail().width(),
                photo.thumbnail().height()));
      } catch (Photos.NotAnImage e) {
        throw Problem.status(415, "not_an_image", e.getMessage());
      } catch (Photos.TooManyPixels e) {
        throw Problem.status(413, "photo_too_many_pixels", e.getMessage());
      }
    }, false));
  }

  /** Stores a cleaned photo for {@code ownerField} = {@code ownerId} (noteId, snackId) and gives its id. */
  public Future<String> store(String ownerField, String ownerId, Clean clean) {
    String photoId = Ids.newId();
    JsonObject photo = new JsonObject().put("_id", photoId).put(ownerField, ownerId)
        .put("contentType", clean.contentType()).put(DISPLAY, new JsonObject().put("$binary", clean.display()))
        .put(THUMBNAIL, new JsonObject().put("$binary", clean.thumbnail()));
    return db.mongo().insert(PHOTOS, photo).map(photoId);
  }

  /** The photo's display size, or null when it is gone. */
  public Future<StoredPhoto> read(String photoId) {
    return read(photoId, false);
  }

  /**
   * The photo's thumbnail ({@code thumbnail}) or display size, or null when it is gone. Only the size asked
   * for is read: a list of thumbnails would otherwise carry every display size along.
   */
  public Future<StoredPhoto> read(String photoId, boolean thumbnail) {
    JsonObject id = new JsonObject().put("_id", photoId);
    String size = thumbnail ? THUMBNAIL : DISPLAY;
    return db.mongo().findOne(PHOTOS, id, new JsonObject().put("contentType", 1).put(size, 1)).compose(photo -> {
      if (photo != null && !photo.containsKey(size)) {
        return read(photoId, false);
      }
      return Future.succeededFuture(photo == null ? null : new StoredPhoto(photo.getString("contentType"),
          Buffer.buffer(photo.getJsonObject(size).getBinary("$binary"))));
    });
  }

  /** The photo a form sent in its field "photo", or null when none was chosen (an empty file field still sends a part). */
  public static Future<Buffer> uploaded(RoutingContext ctx) {
    FileUpload upload = ctx.fileUploads().stream()
        .filter(f -> "photo".equals(f.name()) && f.size() > 0).findFirst().orElse(null);
    return upload == null ? Future.succeededFuture()
        : ctx.vertx().fileSystem().readFile(upload.uploadedFileName());
  }

  /** The photo's bytes, cached by the browser of the person allowed to see it only, and sent as they are. */
  public static void send(RoutingContext ctx, StoredPhoto photo) {
    ctx.response()
        .putHeader("Content-Type", photo.contentType())
        .putHeader("Cache-Control", "private, max-age=3600")
        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY)
        .end(photo.bytes());
  }

  /** A refused photo is something the person can fix on a form, next to the photo field. */
  public static <T> Future<T> problemOnItsField(Throwable failure) {
    if (failure instanceof Problem problem && PROBLEMS.contains(problem.code())) {
      return Future.failedFuture(Problem.invalidField("photo", problem.code(), problem.getMessage()));
    }
    return Future.failedFuture(failure);
  }

  public Future<Void> remove(String photoId) {
    return photoId == null ? Future.succeededFuture()
        : db.mongo().removeDocument(PHOTOS, new JsonObject().put("_id", photoId)).mapEmpty();
  }
}
