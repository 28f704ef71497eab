package org.tawag.config;

import java.nio.file.Path;
import java.util.List;
import org.tawag.acd.AcdConfig;
import org.tawag.db.DatabaseSettings;
import org.tawag.dialplan.DialPlan;
import org.tawag.orders.OrderSettings;

/**
 * The whole server configuration, read once at start-up from {@code sip-config/}.
 *
 * @param sip SIP listeners and limits
 * @param rtp the RTP port range and media timers
 * @param http the HTTP listener
 * @param database the store's JDBC settings
 * @param agents operators' device settings
 * @param trunks the PBX trunks allowed to send and take calls
 * @param dialPlan where dialled numbers go
 * @param soundsDir the directory of 8 kHz mono WAV prompts and music
 * @param dataDir where the server keeps its files (the H2 database, spools)
 * @param queueMedia each queue's hold music, in the order of {@code acd.queues()}
 * @param acd the ACD queues and their members
 * @param orders the order types, refusal reasons and phone country code ({@code tawag.orders})
 */
public record TawagConfig(
    SipSettings sip,
    RtpSettings rtp,
    HttpSettings http,
    DatabaseSettings database,
    AgentSettings agents,
    List<TrunkConfig> trunks,
    DialPlan dialPlan,
    Path soundsDir,
    Path dataDir,
    List<QueueMedia> queueMedia,
    AcdConfig acd,
    OrderSettings orders) {
  public TawagConfig {
    trunks = List.copyOf(trunks);
    queueMedia = List.copyOf(queueMedia);
  }
}
