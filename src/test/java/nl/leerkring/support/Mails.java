package nl.leerkring.support;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading what arrived at the test's SMTP server. */
public final class Mails {

  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/\\S+)");

  private Mails() {
  }

  /** Waits until at least {@code count} mails arrived, failing after a generous time. */
  public static List<MimeMessage> await(GreenMailOperations smtp, int count) {
    assertTrue(smtp.waitForIncomingEmail(20_000, count),
        () -> "expected " + count + " mails, got " + smtp.getReceivedMessages().length);
    return List.of(smtp.getReceivedMessages());
  }

  public static MimeMessage to(GreenMailOperations smtp, String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> address.equals(recipient(m))).findFirst()
        .orElseThrow(() -> new AssertionError("no mail to " + address));
  }

  public static long countTo(GreenMailOperations smtp, String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> address.equals(recipient(m))).count();
  }

  public static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first part of this type: text/plain, text/html, text/calendar. */
  public static Optional<String> part(MimeMessage message, String type) {
    try {
      return find(message, type);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String text(MimeMessage message) {
    return part(message, "text/plain").orElseThrow(() -> new AssertionError("no plain text part"));
  }

  /** The path of the first link in the text that leads to this path prefix. */
  public static String linkPath(String text, String prefix) {
    Matcher link = LINK.matcher(text);
    while (link.find()) {
      if (link.group(1).startsWith(prefix)) {
        return link.group(1);
      }
    }
    throw new AssertionError("no link to " + prefix + " in:\n" + text);
  }

  private static Optional<String> find(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type)) {
      Object content = part.getContent();
      if (content instanceof InputStream in) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      return Optional.of(String.valueOf(content));
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        Optional<String> found = find(body, type);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
