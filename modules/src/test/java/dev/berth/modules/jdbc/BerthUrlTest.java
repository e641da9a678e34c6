package dev.berth.modules.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** URL grammar and its exact errors; nothing here reaches the engine. */
class BerthUrlTest {
    @Test
    void parsesServiceVersionDatabaseInitAndPassThrough() {
        BerthUrl url = BerthUrl.parse("jdbc:berth:postgresql:15:///shop?init=classpath:db/shop.sql&ssl=false&ApplicationName=x");
        assertThat(url.service()).isEqualTo("postgresql");
        assertThat(url.version()).isEqualTo("15");
        assertThat(url.database()).isEqualTo("shop");
        assertThat(url.initScripts()).containsExactly("classpath:db/shop.sql");
        assertThat(url.target("postgresql", "127.0.0.1", 40000))
                .isEqualTo("jdbc:postgresql://127.0.0.1:40000/shop?ssl=false&ApplicationName=x");
    }

    @Test
    void unknownVersionIsAnExactError() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:berth:postgresql:9:///shop"))
                .isInstanceOf(SQLException.class)
                .hasMessage("Invalid jdbc:berth: postgresql version: \"9\". Allowed: 12, 13, 14, 15, 16, 17. "
                        + "Example: jdbc:berth:postgresql:15:///shop.");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:berth:mariadb:5.5:///shop"))
                .hasMessage("Invalid jdbc:berth: mariadb version: \"5.5\". Allowed: 10.5, 10.6, 10.11, 11.4, 11.8. "
                        + "Example: jdbc:berth:mariadb:10.11:///shop.");
    }

    @Test
    void unknownDatabaseMalformedUrlAndMissingInitScriptAreExactErrors() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:berth:oracle:19:///shop"))
                .isInstanceOf(SQLException.class)
                .hasMessage("Invalid jdbc:berth: database: \"oracle\". Allowed: postgresql, mariadb. "
                        + "Example: jdbc:berth:postgresql:15:///shop?init=classpath:schema.sql.");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:berth:postgresql:15//shop"))
                .hasMessage("Invalid jdbc:berth: URL: \"jdbc:berth:postgresql:15//shop\". Allowed: "
                        + "jdbc:berth:<postgresql|mariadb>:<version>:///<database>[?init=…&other=…]. "
                        + "Example: jdbc:berth:postgresql:15:///shop?init=classpath:schema.sql.");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:berth:postgresql:15:///shop?init=classpath:nope.sql"))
                .hasMessage("Invalid jdbc:berth: init script: \"classpath:nope.sql\". Allowed: an existing .sql or .sh file, "
                        + "as a path or classpath:name. Example: classpath:schema.sql.");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:berth:postgresql:15:///"))
                .hasMessage("Invalid jdbc:berth: database name: \"\". Allowed: 1 to 63 letters, digits or underscores, "
                        + "not starting with a digit. Example: shop.");
    }

    @Test
    void otherUrlsAreNotAccepted() throws SQLException {
        assertThat(new BerthDriver().acceptsURL("jdbc:postgresql://127.0.0.1/x")).isFalse();
        assertThat(new BerthDriver().connect("jdbc:postgresql://127.0.0.1/x", null)).isNull();
        assertThat(DriverManager.getDriver("jdbc:berth:postgresql:15:///shop")).isInstanceOf(BerthDriver.class);
    }
}
