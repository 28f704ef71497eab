package org.tawag.media.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the datagrams of one RTP or RTCP channel to its session, and keeps the channel open
 * whatever a packet or a send does (tech notes §3.1: bad input never closes a UDP socket).
 */
final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
  private static final Logger log = LoggerFactory.getLogger(DatagramHandler.class);

  // Runs on the channel's loop; set there once the session exists. Until then packets are dropped.
  private Consumer<DatagramPacket> target;
  private long failures;

  void target(Consumer<DatagramPacket> target) {
    this.target = target;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    Consumer<DatagramPacket> t = target;
    if (t == null) {
      return;
    }
    try {
      t.accept(packet);
    } catch (RuntimeException e) {
      failures++;
      log.warn(
          "{}: dropped a datagram from {} ({} so far)",
          ctx.channel(),
          packet.sender(),
          failures,
          e);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Send errors (e.g. no route) surface here through the void promise; the leg keeps going.
    failures++;
    log.debug("{}: {}", ctx.channel(), cause.toString());
  }
}
