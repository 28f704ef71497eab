package org.tawag.sip;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;

/** The echo call over TCP, one connection for the call as a trunk keeps one (SIPp -t t1). */
@Timeout(90)
class TcpCallIT {
  @RegisterExtension static final TawagServerExtension server = new TawagServerExtension();

  @TempDir Path work;

  static TawagTestServer tawag() {
    return server.get();
  }

  @Test
  void echoCallOverTcp() throws Exception {
    InboundCallIT.echoCall(work, "t1", tawag(), "uac-echo.xml");
  }
}
