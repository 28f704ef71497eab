package org.tawag.auth;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records every log event from all loggers while open, with {@code org.tawag} at DEBUG, so a test
 * can prove a secret never reached any log line, argument or stack trace.
 */
final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger tawag = (Logger) LoggerFactory.getLogger("org.tawag");
  private final Level tawagLevel = tawag.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture() {
    appender.setName("test-capture");
    appender.start();
    root.addAppender(appender);
    tawag.setLevel(Level.DEBUG);
  }

  /** Every recorded event rendered with its arguments and stack trace. */
  List<String> lines() {
    synchronized (appender.list) {
      return appender.list.stream().map(LogCapture::render).toList();
    }
  }

  /** Whether any recorded line contains {@code text}. */
  boolean contains(String text) {
    return lines().stream().anyMatch(l -> l.contains(text));
  }

  private static String render(ILoggingEvent e) {
    StringBuilder sb = new StringBuilder(e.getFormattedMessage());
    if (e.getArgumentArray() != null) {
      for (Object arg : e.getArgumentArray()) {
        sb.append(" | ").append(arg);
      }
    }
    IThrowableProxy t = e.getThrowableProxy();
    if (t != null) {
      sb.append(" | ").append(ThrowableProxyUtil.asString(t));
    }
    return sb.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    tawag.setLevel(tawagLevel);
  }
}
