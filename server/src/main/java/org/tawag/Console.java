package org.tawag;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output, for the few things meant for the person at the terminal rather
 * than the log: the first admin's generated password and the user command's answers. Everything
 * else goes through SLF4J.
 */
final class Console {
  private Console() {}

  static PrintStream out() {
    return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
  }
}
