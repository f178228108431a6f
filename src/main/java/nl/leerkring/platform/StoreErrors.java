package nl.leerkring.platform;

import com.mongodb.MongoException;

/** Classifies driver failures by their server error code, never by message text. */
public final class StoreErrors {

  private static final int DUPLICATE_KEY = 11000;

  private StoreErrors() {
  }

  public static boolean isDuplicateKey(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof MongoException mongo && mongo.getCode() == DUPLICATE_KEY) {
        return true;
      }
    }
    return false;
  }
}
