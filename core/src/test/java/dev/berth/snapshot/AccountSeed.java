package dev.berth.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The seed the PostgreSQL snapshot tests and timings share: table {@code account} with 10,000 rows. */
final class AccountSeed {
    static final int ROWS = 10_000;

    private AccountSeed() {
    }

    /** Creates {@code account} and inserts {@link #ROWS} rows (balance 100 each) in JDBC batches; commits. */
    static void seed(Connection c) throws SQLException {
        c.createStatement().execute("create table account (id int primary key, name text, balance int)");
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("insert into account values (?, ?, ?)")) {
            for (int i = 1; i <= ROWS; i++) {
                insert.setInt(1, i);
                insert.setString(2, "account-" + i);
                insert.setInt(3, 100);
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                }
            }
        }
        c.commit();
    }
}
