package org.tawag;

/** Starts a Tawag server from the command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {}
}
