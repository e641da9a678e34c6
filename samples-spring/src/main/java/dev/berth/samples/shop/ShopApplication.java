package dev.berth.samples.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/** A small shop: items in PostgreSQL (JdbcTemplate), cached in Redis, orders arriving over RabbitMQ. */
@SpringBootApplication
@EnableCaching
public class ShopApplication {

    /** @param args Spring Boot's arguments */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
