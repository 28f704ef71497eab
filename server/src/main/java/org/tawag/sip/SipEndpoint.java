package org.tawag.sip;

import gov.nist.javax.sip.ListeningPointExt;
import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.message.MessageFactoryExt;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.config.SipSettings;

/**
 * The JAIN-SIP stack with its UDP and TCP listening points on one provider, configured as a B2BUA:
 * dialogs are created by Tawag, never by the stack (tech notes §1.2-1.3).
 */
public final class SipEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SipEndpoint.class);

  private final SipSettings settings;
  private final SipStack stack;
  private final SipProvider provider;
  private final HeaderFactory headers;
  private final AddressFactory addresses;
  private final MessageFactory messages;
  private final List<ListeningPoint> listeningPoints;
  private final SwitchableTraffic traffic = new SwitchableTraffic();

  private SipEndpoint(
      SipSettings settings,
      SipStack stack,
      SipProvider provider,
      HeaderFactory headers,
      AddressFactory addresses,
      MessageFactory messages,
      List<ListeningPoint> listeningPoints) {
    this.settings = settings;
    this.stack = stack;
    this.provider = provider;
    this.headers = headers;
    this.addresses = addresses;
    this.messages = messages;
    this.listeningPoints = listeningPoints;
  }

  /**
   * Creates the stack, binds the listeners and starts delivering events to {@code listener}.
   *
   * @throws SipStartException naming the address and port when a listener cannot bind
   */
  public static SipEndpoint start(SipSettings settings, String stackName, SipListener listener) {
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    SipStack stack;
    try {
      stack = factory.createSipStack(stackProperties(stackName));
    } catch (Exception e) {
      throw new SipStartException("cannot create the SIP stack: " + e.getMessage(), e);
    }
    List<ListeningPoint> points = new ArrayList<>();
    try {
      HeaderFactory headers = factory.createHeaderFactory();
      AddressFactory addresses = factory.createAddressFactory();
      MessageFactory messages = factory.createMessageFactory();
      ((MessageFactoryExt) messages)
          .setDefaultServerHeader(headers.createServerHeader(List.of(settings.userAgent())));
      ((MessageFactoryExt) messages)
          .setDefaultUserAgentHeader(headers.createUserAgentHeader(List.of(settings.userAgent())));
      if (settings.udpPort() > 0) {
        points.add(listen(stack, settings, settings.udpPort(), ListeningPoint.UDP));
      }
      if (settings.tcpPort() > 0) {
        points.add(listen(stack, settings, settings.tcpPort(), ListeningPoint.TCP));
      }
      if (points.isEmpty()) {
        throw new SipStartException(
            "both sip.udp-port and sip.tcp-port are 0: nothing to listen on");
      }
      SipProvider provider = stack.createSipProvider(points.get(0));
      for (int i = 1; i < points.size(); i++) {
        provider.addListeningPoint(points.get(i));
      }
      provider.addSipListener(listener);
      stack.start();
      log.info(
          "SIP listening on {} udp={} tcp={} advertised as {}",
          settings.bindAddress(),
          settings.udpPort(),
          settings.tcpPort(),
          settings.advertisedAddress());
      return new SipEndpoint(settings, stack, provider, headers, addresses, messages, points);
    } catch (SipStartException e) {
      stopQuietly(stack);
      throw e;
    } catch (Exception e) {
      stopQuietly(stack);
      throw new SipStartException("cannot start SIP on " + settings.bindAddress() + ": " + e, e);
    }
  }

  private static ListeningPoint listen(SipStack stack, SipSettings s, int port, String transport) {
    try {
      ListeningPoint lp = stack.createListeningPoint(s.bindAddress(), port, transport);
      lp.setSentBy(s.advertisedAddress() + ":" + port);
      return lp;
    } catch (Exception e) {
      throw new SipStartException(
          "cannot listen for SIP on "
              + transport
              + " "
              + s.bindAddress()
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); is another server using the port?",
          e);
    }
  }

  /** The stack properties for a B2BUA, with the reasons in tech notes §1.3. */
  static Properties stackProperties(String stackName) {
    Properties p = new Properties();
    p.setProperty("javax.sip.STACK_NAME", stackName);
    p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    // Calls to registered phones follow the phone's flow; everything else routes as by default.
    p.setProperty("javax.sip.ROUTER_PATH", FlowRouter.class.getName());
    p.setProperty("gov.nist.javax.sip.STACK_LOGGER", SipStackLogger.class.getName());
    p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SipMessageLogger.class.getName());
    p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "16");
    p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "16");
    p.setProperty("gov.nist.javax.sip.MAX_LISTENER_RESPONSE_TIME", "120");
    p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
    p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "1000");
    p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "131072");
    p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "131072");
    p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
    p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
    p.setProperty("gov.nist.javax.sip.DELIVER_TERMINATED_EVENT_FOR_ACK", "true");
    p.setProperty("gov.nist.javax.sip.DELIVER_TERMINATED_EVENT_FOR_NULL_DIALOG", "true");
    p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
    p.setProperty("gov.nist.javax.sip.IS_BACK_TO_BACK_USER_AGENT", "true");
    p.setProperty("gov.nist.javax.sip.EARLY_DIALOG_TIMEOUT_SECONDS", "600");
    p.setProperty("gov.nist.javax.sip.MAX_TX_LIFETIME_NON_INVITE", "64");
    p.setProperty("gov.nist.javax.sip.MAX_FORK_TIME_SECONDS", "0");
    p.setProperty("gov.nist.javax.sip.THREAD_AUDIT_INTERVAL_IN_MILLISECS", "30000");
    p.setProperty("gov.nist.javax.sip.ALWAYS_ADD_RPORT", "true");
    return p;
  }

  public SipProvider provider() {
    return provider;
  }

  public HeaderFactory headers() {
    return headers;
  }

  public AddressFactory addresses() {
    return addresses;
  }

  public MessageFactory messages() {
    return messages;
  }

  public SipSettings settings() {
    return settings;
  }

  SipStackExt stack() {
    return (SipStackExt) stack;
  }

  /** The stack's router, where calls to phones pin their flow. */
  FlowRouter flows() {
    return (FlowRouter) stack.getRouter();
  }

  /** A Contact header with our advertised address for {@code transport} ("udp" or "tcp"). */
  public ContactHeader contact(String transport) {
    for (ListeningPoint lp : listeningPoints) {
      if (lp.getTransport().equalsIgnoreCase(transport)) {
        ContactHeader c = ((ListeningPointExt) lp).createContactHeader();
        try {
          javax.sip.address.SipURI uri = (javax.sip.address.SipURI) c.getAddress().getURI();
          uri.setUser("tawag");
          uri.setHost(settings.advertisedAddress());
          if (!transport.equalsIgnoreCase("udp")) {
            uri.setTransportParam(transport);
          }
        } catch (java.text.ParseException e) {
          throw new IllegalStateException("advertised address is not a host: " + e.getMessage(), e);
        }
        return c;
      }
    }
    return contact(listeningPoints.get(0).getTransport());
  }

  /**
   * Where this endpoint reports the SIP messages it handles; stable, forwards to {@link #observe}.
   */
  SipTraffic traffic() {
    return traffic;
  }

  /** Sends traffic reports to {@code listener} from now on. */
  void observe(SipTraffic listener) {
    traffic.delegate = java.util.Objects.requireNonNull(listener, "listener");
  }

  /** Dialogs the stack holds now, to compare with the calls Tawag holds. */
  public int stackDialogs() {
    return ((SipStackExt) stack).getDialogs().size();
  }

  @Override
  public void close() {
    try {
      provider.removeSipListener(null);
    } catch (RuntimeException ignored) {
      // Removing an absent listener is harmless; the stack is going away.
    }
    try {
      stack.deleteSipProvider(provider);
    } catch (Exception e) {
      log.debug("deleting the SIP provider failed", e);
    }
    for (ListeningPoint lp : listeningPoints) {
      try {
        stack.deleteListeningPoint(lp);
      } catch (Exception e) {
        log.debug("deleting a listening point failed", e);
      }
    }
    stopQuietly(stack);
  }

  /** A fixed {@link SipTraffic} to hand out at start, whose listener is set later. */
  private static final class SwitchableTraffic implements SipTraffic {
    volatile SipTraffic delegate = SipTraffic.NONE;

    @Override
    public void requestIn(String method) {
      delegate.requestIn(method);
    }

    @Override
    public void responseIn(String method, int code) {
      delegate.responseIn(method, code);
    }

    @Override
    public void requestOut(String method) {
      delegate.requestOut(method);
    }

    @Override
    public void responseOut(String method, int code) {
      delegate.responseOut(method, code);
    }

    @Override
    public void trunkProbeAnswered(String trunk, java.time.Duration rtt) {
      delegate.trunkProbeAnswered(trunk, rtt);
    }
  }

  private static void stopQuietly(SipStack stack) {
    try {
      stack.stop();
    } catch (RuntimeException e) {
      // usnistgov/jsip#31: stop() can throw after a failed bind; nothing is left to stop then.
      log.debug("SIP stack stop failed", e);
    }
  }
}
