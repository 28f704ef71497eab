package org.tawag.sip.registrar;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the registrar told the presence listener, as "+user" and "-user". */
final class RecordingPhonePresence implements PhonePresence {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void registered(String username) {
    events.add("+" + username);
  }

  @Override
  public void unregistered(String username) {
    events.add("-" + username);
  }
}
