package org.tawag.campaigns;

import io.vertx.core.json.JsonObject;

/**
 * A call a campaign placed, as the operator's screen shows it: the campaign, its script and the
 * contact.
 */
public record CampaignCall(
    long campaignId, String campaignName, String script, long contactId, long customerId) {

  /** The screen pop's {@code campaign} brief. */
  public JsonObject json() {
    return new JsonObject()
        .put("id", campaignId)
        .put("name", campaignName)
        .put("script", script)
        .put("contactId", contactId);
  }
}
