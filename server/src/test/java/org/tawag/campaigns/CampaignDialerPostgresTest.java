package org.tawag.campaigns;

import java.nio.file.Path;
import org.tawag.db.Database;
import org.tawag.db.DatabaseSettings;
import org.tawag.db.TestPostgres;

/**
 * {@link CampaignDialerTest} on PostgreSQL, in a fresh schema per test dropped afterwards. Skipped
 * with a message when PostgreSQL is not reachable; fails then under {@code CI=true}.
 */
class CampaignDialerPostgresTest extends CampaignDialerTest {
  private String schema;

  @Override
  Database openDatabase(Path dir) throws Exception {
    TestPostgres.require();
    schema = TestPostgres.createSchema();
    return Database.open(
        DatabaseSettings.h2File(dir).withUrl(TestPostgres.urlFor(schema), TestPostgres.user(), ""));
  }

  @Override
  void closed() throws Exception {
    if (schema != null) {
      TestPostgres.dropSchema(schema);
    }
  }
}
