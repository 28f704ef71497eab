package org.tawag.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JAIN-SIP's internal log to SLF4J, so the stack runs without log4j 1.x.
 *
 * <p>The stack asks {@link #isLoggingEnabled(int)} before building each debug string; answering
 * from SLF4J's level keeps that cost away unless someone turns the logger up. The stack's debug
 * text can hold whole SIP messages (phone numbers), so it only appears at DEBUG/TRACE, which a
 * production config leaves off.
 */
public final class SipStackLogger implements StackLogger {
  private static final Logger log = LoggerFactory.getLogger("org.tawag.sip.stack");

  /** Instantiated by JAIN-SIP through the {@code gov.nist.javax.sip.STACK_LOGGER} property. */
  public SipStackLogger() {}

  @Override
  public boolean isLoggingEnabled() {
    return log.isInfoEnabled();
  }

  @Override
  public boolean isLoggingEnabled(int level) {
    if (level <= TRACE_ERROR) {
      return log.isErrorEnabled();
    } else if (level <= TRACE_WARN) {
      return log.isWarnEnabled();
    } else if (level <= TRACE_INFO) {
      return log.isInfoEnabled();
    } else if (level <= TRACE_DEBUG) {
      return log.isDebugEnabled();
    }
    return log.isTraceEnabled();
  }

  @Override
  public void logStackTrace() {
    logStackTrace(TRACE_DEBUG);
  }

  @Override
  public void logStackTrace(int level) {
    if (log.isTraceEnabled()) {
      log.trace("stack trace requested by JAIN-SIP", new Throwable("JAIN-SIP stack trace"));
    }
  }

  @Override
  public int getLineCount() {
    return 0;
  }

  @Override
  public void logException(Throwable t) {
    log.warn("JAIN-SIP exception", t);
  }

  @Override
  public void logDebug(String message) {
    log.debug(message);
  }

  @Override
  public void logDebug(String message, Exception e) {
    log.debug(message, e);
  }

  @Override
  public void logTrace(String message) {
    log.trace(message);
  }

  @Override
  public void logFatalError(String message) {
    log.error(message);
  }

  @Override
  public void logError(String message) {
    log.error(message);
  }

  @Override
  public void logError(String message, Exception e) {
    log.error(message, e);
  }

  @Override
  public void logWarning(String message) {
    log.warn(message);
  }

  @Override
  public void logInfo(String message) {
    log.info(message);
  }

  @Override
  public void disableLogging() {}

  @Override
  public void enableLogging() {}

  @Override
  public void setBuildTimeStamp(String buildTimeStamp) {}

  @Override
  public void setStackProperties(Properties properties) {}

  @Override
  public String getLoggerName() {
    return log.getName();
  }
}
