package nl.leerkring.platform;

/** The embedded store could not make a write durable; the client gets an error, never an acknowledgement. */
public final class StoreUnwritableException extends RuntimeException {

  public StoreUnwritableException(String message, Throwable cause) {
    super(message, cause);
  }
}
