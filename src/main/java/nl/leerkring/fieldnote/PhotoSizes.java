package nl.leerkring.fieldnote;

import io.vertx.core.json.JsonObject;

/**
 * The sizes in pixels of a stored photo's display size and thumbnail, kept with what the photo belongs to (a
 * note, a snack) so that a page writes an img's width and height without reading the photo. Photos stored
 * before there were two sizes have none (null): the one photo then serves as both.
 */
public record PhotoSizes(int width, int height, int thumbnailWidth, int thumbnailHeight) {

  /** The fields beside the photo's id in its owner's document. */
  public void putInto(JsonObject photo) {
    photo.put("width", width).put("height", height)
        .put("thumbnail", new JsonObject().put("width", thumbnailWidth).put("height", thumbnailHeight));
  }

  /** The sizes kept in an owner's photo field, or null for a photo stored before there were two sizes. */
  public static PhotoSizes of(JsonObject photo) {
    JsonObject thumbnail = photo.getJsonObject("thumbnail");
    if (thumbnail == null || photo.getInteger("width") == null) {
      return null;
    }
    return new PhotoSizes(photo.getInteger("width"), photo.getInteger("height"), thumbnail.getInteger("width"),
        thumbnail.getInteger("height"));
  }

  /**
   * What the API and the pages show of a photo at {@code url}: its type, the address of each size and, when
   * known, the sizes in pixels. The thumbnail is at {@code url}/thumbnail.
   */
  public static JsonObject view(String contentType, String url, PhotoSizes sizes) {
    JsonObject thumbnail = new JsonObject().put("url", url + "/thumbnail");
    JsonObject out = new JsonObject().put("contentType", contentType).put("url", url).put("thumbnail", thumbnail);
    if (sizes != null) {
      out.put("width", sizes.width()).put("height", sizes.height());
      thumbnail.put("width", sizes.thumbnailWidth()).put("height", sizes.thumbnailHeight());
    }
    return out;
  }
}
