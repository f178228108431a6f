package nl.leerkring.fieldnote;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;

import java.util.Set;

/**
 * The photos people attach (to a field note, to a learning snack), in one collection: checked for size, cleaned
 * of everything but the picture ({@link Photos}) before anything is stored, and read back by their id. What
 * a photo belongs to decides who may see it; that rule stays with the owner's feature.
 */
public final class PhotoStorage {

  static final String PHOTOS = "photos";
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

  /** A photo with its metadata removed, ready to store. */
  public record Clean(byte[] bytes, String contentType) {
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
        Photos.Photo photo = Photos.withoutMetadata(bytes.getBytes());
        return new Clean(photo.bytes(), photo.contentType());
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
        .put("contentType", clean.contentType()).put("data", new JsonObject().put("$binary", clean.bytes()));
    return db.mongo().insert(PHOTOS, photo).map(photoId);
  }

  /** The photo, or null when it is gone. */
  public Future<StoredPhoto> read(String photoId) {
    return db.mongo().findOne(PHOTOS, new JsonObject().put("_id", photoId), null).map(photo -> photo == null ? null
        : new StoredPhoto(photo.getString("contentType"),
            Buffer.buffer(photo.getJsonObject("data").getBinary("$binary"))));
  }

  /** The photo a form sent in its field "photo", or null when none was chosen (an empty file field still sends a part). */
  public static Future<Buffer> uploaded(RoutingContext ctx) {
    FileUpload upload = ctx.fileUploads().stream()
        .filter(f -> "photo".equals(f.name()) && f.size() > 0).findFirst().orElse(null);
    return upload == null ? Future.succeededFuture()
        : ctx.vertx().fileSystem().readFile(upload.uploadedFileName());
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
