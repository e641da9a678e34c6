package dev.berth.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest Boot application: auto-configuration only (JDBC, Redis, RabbitMQ on the test classpath). */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApp {
}
