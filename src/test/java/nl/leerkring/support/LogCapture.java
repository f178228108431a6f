package nl.leerkring.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** The lines one logger writes while a test runs, as an operator reads them in the server's log. */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
    @Override
    protected void append(ILoggingEvent event) {
      // Otherwise the thread's name is taken when a test first asks for it, on the test's own thread.
      event.prepareForDeferredProcessing();
      super.append(event);
    }
  };

  private LogCapture(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    appender.start();
    logger.addAppender(appender);
  }

  public static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  public static LogCapture of(Class<?> type) {
    return of(type.getName());
  }

  /** Every line so far, formatted as the log shows it. */
  public List<String> lines() {
    synchronized (appender.list) {
      return new ArrayList<>(appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }
  }

  /**
   * The threads that wrote the lines so far that start with {@code start} (other servers in this JVM may log to
   * the same logger meanwhile).
   */
  public java.util.Set<String> threads(String start) {
    synchronized (appender.list) {
      return appender.list.stream().filter(event -> event.getFormattedMessage().startsWith(start))
          .map(ILoggingEvent::getThreadName).collect(java.util.stream.Collectors.toSet());
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
