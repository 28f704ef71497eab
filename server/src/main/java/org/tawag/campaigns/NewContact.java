package org.tawag.campaigns;

import java.time.ZoneId;
import java.util.Optional;

/**
 * A customer to add to a campaign by import: found by phone in the customer base or created.
 *
 * @param phone in E.164
 * @param zone the customer's time zone when the import knows it
 */
public record NewContact(String fullName, String phone, Optional<ZoneId> zone) {}
