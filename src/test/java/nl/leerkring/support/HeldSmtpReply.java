package nl.leerkring.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay between a server and the test's SMTP server that passes the first {@code passing} mails as they
 * are and, of the next one, passes the whole mail but not the SMTP server's answer to it: the mail is
 * delivered, and the sender waits for the acceptance that never comes. That is the moment a process can die
 * between the hand-over and its record of it. Later mails pass again.
 */
public final class HeldSmtpReply implements AutoCloseable {

  /** The end of a mail's data; dot-stuffing keeps it out of the mail itself. */
  private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listening;
  private final int target;
  private final int passing;
  private final AtomicInteger connections = new AtomicInteger();
  private final CountDownLatch held = new CountDownLatch(1);

  private HeldSmtpReply(ServerSocket listening, int target, int passing) {
    this.listening = listening;
    this.target = target;
    this.passing = passing;
  }

  /** Listens on a free port of 127.0.0.1 and relays to the SMTP server at {@code targetPort}. */
  public static HeldSmtpReply start(int targetPort, int passing) {
    try {
      HeldSmtpReply relay = new HeldSmtpReply(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort,
          passing);
      daemon("smtp-relay", relay::accept);
      TestRun.closeAtEnd(relay);
      return relay;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return listening.getLocalPort();
  }

  /** Whether a mail was passed whose acceptance is held, waiting for that at most {@code within}. */
  public boolean awaitHeld(Duration within) throws InterruptedException {
    return held.await(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void accept() {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        // The sender opens one connection per mail.
        boolean hold = connections.incrementAndGet() == passing + 1;
        AtomicBoolean holding = new AtomicBoolean();
        daemon("smtp-relay-out", () -> pump(client, server, hold ? holding : null, null));
        daemon("smtp-relay-back", () -> pump(server, client, null, holding));
      } catch (IOException e) {
        // closed, or a connection that failed: the sender sees that and tries again
      }
    }
  }

  /**
   * Copies {@code from} to {@code to}. {@code holdOnEnd}: set once the mail's end goes through (before it
   * reaches the SMTP server, so that its answer is held). {@code holding}: while set, nothing is copied.
   */
  private void pump(Socket from, Socket to, AtomicBoolean holdOnEnd, AtomicBoolean holding) {
    byte[] buffer = new byte[8192];
    byte[] recent = new byte[0];
    try (from; to; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        byte[] seen = new byte[recent.length + n];
        System.arraycopy(recent, 0, seen, 0, recent.length);
        System.arraycopy(buffer, 0, seen, recent.length, n);
        boolean ends = holdOnEnd != null && contains(seen, END_OF_DATA);
        if (ends) {
          holdOnEnd.set(true);
        }
        if (holding == null || !holding.get()) {
          out.write(buffer, 0, n);
          out.flush();
        }
        if (ends) {
          held.countDown();
        }
        recent = Arrays.copyOfRange(seen, Math.max(0, seen.length - END_OF_DATA.length + 1), seen.length);
      }
    } catch (IOException e) {
      // one side went away (a killed process): the other is closed with it
    }
  }

  private static boolean contains(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    listening.close();
  }
}
