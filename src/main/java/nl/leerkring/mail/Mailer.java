package nl.leerkring.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sends mail over SMTP, or says at start-up that mail is off when no SMTP host is configured. */
public final class Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
  private final Counter sent;
  private final Counter failed;

  private static final Pattern IN_BRACKETS = Pattern.compile("<([^>]+)>");

  private final MailClient client;
  private final String from;

  public Mailer(Vertx vertx, Settings.Mail settings, MeterRegistry registry) {
    this.from = settings.from();
    this.sent = Counter.builder("leerkring.mails").description("Mails handed to the SMTP server, or failed to be")
        .tag("result", "sent").register(registry);
    this.failed = Counter.builder("leerkring.mails").description("Mails handed to the SMTP server, or failed to be")
        .tag("result", "failed").register(registry);
    if (!settings.enabled()) {
      LOG.warn("Mail is off: no SMTP host configured (smtpHost or LEERKRING_SMTP_HOST). In-app notifications still work.");
      this.client = null;
      return;
    }
    MailConfig config = new MailConfig()
        .setHostname(settings.smtpHost())
        .setPort(settings.smtpPort())
        .setSsl(settings.ssl())
        .setStarttls(StartTLSOptions.valueOf(settings.startTls().toUpperCase(Locale.ROOT)))
        .setKeepAlive(false);
    if (!settings.username().isBlank()) {
      config.setUsername(settings.username()).setPassword(settings.password());
    }
    this.client = MailClient.createShared(vertx, config, "leerkring-" + settings.smtpHost() + ":" + settings.smtpPort());
    LOG.info("Mail is on: SMTP {}:{}, from {}", settings.smtpHost(), settings.smtpPort(), from);
  }

  public boolean enabled() {
    return client != null;
  }

  /** The bare address mail comes from: {@code a@b} of {@code Leerkring <a@b>}. */
  public String address() {
    Matcher inBrackets = IN_BRACKETS.matcher(from);
    return (inBrackets.find() ? inBrackets.group(1) : from).trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Every try of one delivery carries the same Message-ID: when a process dies after the SMTP server took a
   * mail but before the delivery was recorded, the repeat is the same message to the reader's mail program.
   */
  public String messageId(String deliveryId) {
    String address = address();
    return "<" + Hashes.sha256(deliveryId).substring(0, 32) + address.substring(address.indexOf('@')) + ">";
  }

  public Future<Void> send(MailMessage message, String deliveryId) {
    if (client == null) {
      return Future.failedFuture(new IllegalStateException("Mail is off"));
    }
    message.setHeaders(MultiMap.caseInsensitiveMultiMap().add("Message-ID", messageId(deliveryId)));
    return client.sendMail(message.setFrom(from))
        .onSuccess(result -> sent.increment())
        .onFailure(error -> failed.increment())
        .mapEmpty();
  }

  public Future<Void> close() {
    return client == null ? Future.succeededFuture() : client.close();
  }
}
