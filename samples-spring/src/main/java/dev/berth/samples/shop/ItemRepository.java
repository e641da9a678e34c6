package dev.berth.samples.shop;

import java.util.List;
import java.util.Optional;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Items in PostgreSQL; reads by id are cached in Redis. */
@Repository
public class ItemRepository {
    private final JdbcTemplate jdbc;

    ItemRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return every item, by id */
    public List<Item> all() {
        return jdbc.query("SELECT id, name, stock FROM item ORDER BY id",
                (rs, i) -> new Item(rs.getLong(1), rs.getString(2), rs.getInt(3)));
    }

    /** @return the item, read through the Redis cache */
    @Cacheable(cacheNames = "items", key = "#id")
    public Optional<Item> find(long id) {
        return jdbc.query("SELECT id, name, stock FROM item WHERE id = ?",
                (rs, i) -> new Item(rs.getLong(1), rs.getString(2), rs.getInt(3)), id).stream().findFirst();
    }

    /** Takes one from the stock (an order) and drops the cached copy. */
    @CacheEvict(cacheNames = "items", key = "#id")
    public void take(long id) {
        jdbc.update("UPDATE item SET stock = stock - 1 WHERE id = ?", id);
    }
}
